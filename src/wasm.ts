// Loads the wasm kernels with no configuration: the modules are embedded as base64, compiled at
// import (top-level await), and share one linear memory that holds every array.
import { nosimdWasm, relaxedSimdWasm, simdWasm } from './generated/wasm-modules.js';

/** The exports every build of assembly/ provides; kernels are looked up by name. */
export interface KernelExports {
  heapBase(): number;
  simdEnabled(): number;
  [kernel: string]: unknown;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The linear memory shared by every module; it only grows. */
export const memory = new WebAssembly.Memory({ initial: 16 });

async function instantiate(bytes: Uint8Array<ArrayBuffer>): Promise<KernelExports> {
  const imports = {
    env: {
      memory,
      abort(): never {
        throw new Error('nnbasics: wasm kernel aborted');
      },
    },
  };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  return instance.exports as unknown as KernelExports;
}

// Test and benchmark hooks, read once at import: globalThis.NNBASICS_DISABLE_SIMD = true runs the
// fallback where SIMD exists; NNBASICS_DISABLE_RELAXED_SIMD = true keeps the plain SIMD build where
// relaxed SIMD exists.
const hooks = globalThis as {
  NNBASICS_DISABLE_SIMD?: boolean;
  NNBASICS_DISABLE_RELAXED_SIMD?: boolean;
};

const simdBytes = decodeBase64(simdWasm);
const relaxedBytes = decodeBase64(relaxedSimdWasm);

/** Whether this runtime validates the SIMD build. */
export const simdSupported =
  hooks.NNBASICS_DISABLE_SIMD !== true && WebAssembly.validate(simdBytes);
/**
 * Whether the 'wasm-simd' backend runs the relaxed-SIMD build (fused multiply-adds in exp and
 * the maps built on it): Chrome 114+, Node 22+, Node 20 with --experimental-wasm-relaxed-simd.
 */
export const relaxedSimdSupported =
  simdSupported &&
  hooks.NNBASICS_DISABLE_RELAXED_SIMD !== true &&
  WebAssembly.validate(relaxedBytes);

/** The kernels without SIMD: always available. */
export const wasmKernels = await instantiate(decodeBase64(nosimdWasm));
/** The SIMD kernels (relaxed where supported), or undefined where the runtime lacks SIMD. */
export const simdKernels = simdSupported
  ? await instantiate(relaxedSimdSupported ? relaxedBytes : simdBytes)
  : undefined;

// Each build places its static data (tables, constants) in its own 64 KiB slot (asconfig.json's
// memoryBase: SIMD at 0, no-SIMD at 64 KiB, debug at 128 KiB, relaxed SIMD at 192 KiB), so that
// instantiating one never overwrites another's; the heap starts above all of them.
const SLOT = 65536;
for (const [kernels, base] of [
  [simdKernels, relaxedSimdSupported ? 3 * SLOT : 0],
  [wasmKernels, SLOT],
] as const) {
  if (kernels && kernels.heapBase() > base + SLOT) {
    throw new Error('nnbasics: a wasm build outgrew its static data slot; see asconfig.json');
  }
}
/** 64 bytes where a kernel may leave a scalar result (a full reduction) for TS to read. */
export const scratchAddress = 4 * SLOT;
/**
 * 8 KiB where the random generator in use keeps its state (src/random/stream.ts: a generator
 * that another displaces copies its state back to JS, so generators need no freeing).
 */
export const randomStateAddress = scratchAddress + 64;
export const RANDOM_STATE_BYTES = 8192;
/** First address the allocator may hand out. */
export const heapStart = randomStateAddress + RANDOM_STATE_BYTES;
