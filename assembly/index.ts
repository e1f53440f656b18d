// The wasm module's exports. Kernels take pointers and lengths, never allocate and never check:
// validation happens in TypeScript (src/) before a pointer reaches wasm.

/**
 * End of this module's static memory (its data, then the main thread's scratch block): the
 * TypeScript allocator hands out blocks above the data slots that hold it.
 */
export { staticEnd as heapBase } from './scratch';

/** 1 when this build uses v128 instructions, 0 for the fallback build. */
export function simdEnabled(): i32 {
  return ASC_FEATURE_SIMD ? 1 : 0;
}

export { scratchBytes, setScratch } from './scratch';
export * from './unary';
export * from './binary';
export * from './reduce';
export * from './linalg';
export * from './nn';
export * from './copy';
export * from './logic';
export * from './math';
export * from './mt19937';
export * from './pcg64';
