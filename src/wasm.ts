// Loads the wasm kernels with no configuration: the modules are embedded as base64, compiled at
// import (top-level await), and share one linear memory that holds every array.
import { nosimdWasm, simdWasm } from './generated/wasm-modules.js';

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

const simdBytes = decodeBase64(simdWasm);
// A test hook to exercise the fallback where SIMD exists: globalThis.NNBASICS_DISABLE_SIMD = true.
const simdDisabled = (globalThis as { NNBASICS_DISABLE_SIMD?: boolean }).NNBASICS_DISABLE_SIMD;

/** Whether this runtime validates the SIMD build. */
export const simdSupported = simdDisabled !== true && WebAssembly.validate(simdBytes);

/** The kernels without SIMD: always available. */
export const wasmKernels = await instantiate(decodeBase64(nosimdWasm));
/** The SIMD kernels, or undefined where the runtime lacks SIMD. */
export const simdKernels = simdSupported ? await instantiate(simdBytes) : undefined;

// Each build places its static data (tables, constants) in its own 64 KiB slot (asconfig.json's
// memoryBase: SIMD at 0, no-SIMD at 64 KiB, debug at 128 KiB), so that instantiating one never
// overwrites another's; the heap starts above all of them.
const SLOT = 65536;
for (const [kernels, base] of [
  [simdKernels, 0],
  [wasmKernels, SLOT],
] as const) {
  if (kernels && kernels.heapBase() > base + SLOT) {
    throw new Error('nnbasics: a wasm build outgrew its static data slot; see asconfig.json');
  }
}
/** 64 bytes where a kernel may leave a scalar result (a full reduction) for TS to read. */
export const scratchAddress = 3 * SLOT;
/** First address the allocator may hand out. */
export const heapStart = scratchAddress + 64;
