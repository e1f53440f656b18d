// Imported first by bench/run.ts: keeps the 'wasm-simd' engine of the main process on the plain
// SIMD build even where the runtime has relaxed SIMD (Node 22+); the relaxed-SIMD build is
// measured in processes of its own (bench/simd-build.ts).
(globalThis as { NNBASICS_DISABLE_RELAXED_SIMD?: boolean }).NNBASICS_DISABLE_RELAXED_SIMD = true;
