// Loads the wasm kernels with no configuration: each build is embedded, gzipped, as base64 in a
// module of its own behind a dynamic import, so that a bundler splits the builds into chunks and a
// page fetches only the build its runtime uses; all share one linear memory that holds every array.

/** The exports every build of assembly/ provides; kernels are looked up by name. */
export interface KernelExports {
  heapBase(): number;
  simdEnabled(): number;
  [kernel: string]: unknown;
}

type Build = 'simd' | 'relaxed-simd' | 'nosimd';

// One import() per build, each with a literal specifier: that is what bundlers split on.
async function gzippedBuild(build: Build): Promise<string> {
  switch (build) {
    case 'simd':
      return (await import('./generated/wasm-simd.js')).gzippedWasm;
    case 'relaxed-simd':
      return (await import('./generated/wasm-relaxed-simd.js')).gzippedWasm;
    case 'nosimd':
      return (await import('./generated/wasm-nosimd.js')).gzippedWasm;
  }
}

async function inflate(base64: string): Promise<Uint8Array<ArrayBuffer>> {
  const binary = atob(base64);
  const gzipped = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) gzipped[i] = binary.charCodeAt(i);
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Test and benchmark hooks, read once at import: globalThis.NNBASICS_DISABLE_SIMD = true runs the
// fallback where SIMD exists; NNBASICS_DISABLE_RELAXED_SIMD = true keeps the plain SIMD build where
// relaxed SIMD exists; NNBASICS_DISABLE_THREADS = true keeps the memory unshared (one thread).
const hooks = globalThis as {
  NNBASICS_DISABLE_SIMD?: boolean;
  NNBASICS_DISABLE_RELAXED_SIMD?: boolean;
  NNBASICS_DISABLE_THREADS?: boolean;
  crossOriginIsolated?: boolean;
  process?: { versions?: { node?: string }; getBuiltinModule?: unknown };
};

export const inNode = typeof hooks.process?.versions?.node === 'string';

// Kernel threads (src/threads/) need a shared memory that workers can be given: Node has it
// (workers start through process.getBuiltinModule, Node 20.16+); a page only when cross-origin
// isolated (COOP and COEP headers), where SharedArrayBuffer exists and can be posted.
const threadable =
  hooks.NNBASICS_DISABLE_THREADS !== true &&
  typeof SharedArrayBuffer === 'function' &&
  (inNode
    ? typeof hooks.process?.getBuiltinModule === 'function'
    : hooks.crossOriginIsolated === true && typeof Worker === 'function');

/** wasm32's largest memory, in 64 KiB pages: a shared memory must declare a maximum. */
const MAXIMUM_PAGES = 65536;

function linearMemory(): WebAssembly.Memory {
  if (threadable) {
    try {
      return new WebAssembly.Memory({ initial: 16, maximum: MAXIMUM_PAGES, shared: true });
    } catch {
      // The runtime would not reserve a shared 4 GiB: one thread, over a plain memory.
    }
  }
  return new WebAssembly.Memory({ initial: 16 });
}

/** The linear memory shared by every module; it only grows. */
export const memory = linearMemory();
/** Whether the memory is a SharedArrayBuffer that kernel threads can work on too. */
export const memoryIsShared =
  typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
// Only a shared memory needs the builds rewritten: a page without isolation never fetches it.
const sharing = memoryIsShared ? await import('./threads/shared-import.js') : undefined;

// Each build places its static data (tables, constants) in its own 64 KiB slot (asconfig.json's
// memoryBase), so that instantiating one never overwrites another's; the heap starts above all.
const SLOT = 65536;
const DATA_SLOT: Record<Build, number> = { simd: 0, nosimd: SLOT, 'relaxed-simd': 3 * SLOT };

/** A build, compiled, and its instance over `memory`. */
interface LoadedBuild {
  module: WebAssembly.Module;
  kernels: KernelExports;
}

async function instantiate(build: Build, bytes: Uint8Array<ArrayBuffer>): Promise<LoadedBuild> {
  if (sharing) bytes = sharing.withSharedMemoryImport(bytes, MAXIMUM_PAGES);
  const imports = {
    env: {
      memory,
      abort(): never {
        throw new Error('nnbasics: wasm kernel aborted');
      },
    },
  };
  const { module, instance } = await WebAssembly.instantiate(bytes, imports);
  const kernels = instance.exports as unknown as KernelExports;
  if (kernels.heapBase() > DATA_SLOT[build] + SLOT) {
    throw new Error('nnbasics: a wasm build outgrew its static data slot; see asconfig.json');
  }
  return { module, kernels };
}

async function load(build: Build): Promise<LoadedBuild> {
  return instantiate(build, await inflate(await gzippedBuild(build)));
}

// The smallest modules that use a SIMD instruction (i8x16.splat) and a relaxed-SIMD one
// (i8x16.relaxed_swizzle): validating them tells which build to fetch before fetching any.
const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const returnsV128 = [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00];
const splat = [0x41, 0x00, 0xfd, 0x0f]; // i32.const 0; i8x16.splat
const SIMD_PROBE = new Uint8Array([...header, ...returnsV128, 0x0a, 8, 1, 6, 0, ...splat, 0x0b]);
const RELAXED_SIMD_PROBE = new Uint8Array([
  ...header,
  ...returnsV128,
  ...[0x0a, 15, 1, 13, 0, ...splat, ...splat, 0xfd, 0x80, 0x02, 0x0b],
]);

/** Whether this runtime validates the SIMD build. */
export const simdSupported =
  hooks.NNBASICS_DISABLE_SIMD !== true && WebAssembly.validate(SIMD_PROBE);

async function loadSimd(): Promise<(LoadedBuild & { relaxed: boolean }) | undefined> {
  if (!simdSupported) return undefined;
  if (hooks.NNBASICS_DISABLE_RELAXED_SIMD !== true && WebAssembly.validate(RELAXED_SIMD_PROBE)) {
    const bytes = await inflate(await gzippedBuild('relaxed-simd'));
    // The probe used one relaxed instruction; the build must validate as a whole.
    if (WebAssembly.validate(bytes)) {
      return { ...(await instantiate('relaxed-simd', bytes)), relaxed: true };
    }
  }
  return { ...(await load('simd')), relaxed: false };
}

/** The SIMD build in use (relaxed where supported), compiled: kernel threads instantiate it too. */
export const simdBuild = await loadSimd();
/**
 * Whether the 'wasm-simd' backend runs the relaxed-SIMD build (fused multiply-adds in exp and
 * the maps built on it): Chrome 114+, Node 22+, Node 20 with --experimental-wasm-relaxed-simd.
 */
export const relaxedSimdSupported = simdBuild?.relaxed ?? false;
/** The SIMD kernels (relaxed where supported), or undefined where the runtime lacks SIMD. */
export const simdKernels = simdBuild?.kernels;

// The build without SIMD is the 'wasm' backend. It loads at import where it is the default, and
// in Node, where the bytes come from disk and scripts switch backends with a plain call; a page
// that has SIMD leaves it out of its start-up weight until np.loadBackend('wasm') asks for it.
let noSimdLoading: Promise<KernelExports> | undefined;
/** The kernels without SIMD, or undefined in a page with SIMD until loadWasmKernels() ran. */
export let wasmKernels: KernelExports | undefined;

/** The kernels without SIMD, loading them on first use. */
export function loadWasmKernels(): Promise<KernelExports> {
  noSimdLoading ??= load('nosimd').then((build) => (wasmKernels = build.kernels));
  return noSimdLoading;
}

if (simdBuild === undefined || inNode) await loadWasmKernels();

/** 64 bytes where a kernel may leave a scalar result (a full reduction) for TS to read. */
export const scratchAddress = 4 * SLOT;
/**
 * 8 KiB where the random generator in use keeps its state (src/random/stream.ts: a generator
 * that another displaces copies its state back to JS, so generators need no freeing).
 */
export const randomStateAddress = scratchAddress + 64;
export const RANDOM_STATE_BYTES = 8192;
/**
 * Two 16-byte slots where a binary op writes its JS number operands, cast to the loop's dtype,
 * so that `1 - A` reads its 1 from memory at stride 0 instead of from an array made for it.
 */
export const scalarSlotsAddress = randomStateAddress + RANDOM_STATE_BYTES;
/**
 * Where kernel threads keep their control blocks and their kernels' scratch buffers
 * (src/threads/pool.ts), 16 KiB for each of at most 7 workers.
 */
export const threadsAddress = scalarSlotsAddress + 64;
export const THREADS_BYTES = 7 * 16384;
/**
 * The parts of the call the kernel threads are running (src/threads/pool.ts): a counter of the
 * parts taken (64 bytes), then each part's 16 float64 arguments, for at most MAX_PARTS parts.
 */
export const partsAddress = threadsAddress + THREADS_BYTES;
export const MAX_PARTS = 31;
/** First address the allocator may hand out. */
export const heapStart = partsAddress + 64 + MAX_PARTS * 128;
