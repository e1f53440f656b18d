// The engine names that bench/run.ts, bench/engine-process.ts and bench/report.ts share. This file
// imports nothing: engine-process.ts reads RELAXED before nnbasics loads, because nnbasics reads
// its build hooks (NNBASICS_DISABLE_RELAXED_SIMD) once, at import.
export const OURS = 'nnbasics wasm-simd';
/** The same build with its kernel threads (np.setThreads' default); OURS runs on one thread. */
export const THREADED = 'nnbasics threads';
/** The relaxed-SIMD build: backend 'wasm-simd' where the runtime validates relaxed SIMD. */
export const RELAXED = 'nnbasics relaxed-simd';
/** The memory-bandwidth floor (bench/floor.ts). */
export const FLOOR = 'read floor';
/** NumPy as a script runs it: glibc's malloc with its defaults. The targets' baseline. */
export const NUMPY = 'numpy';
/** NumPy with glibc's malloc keeping freed blocks up to 32 MiB (bench/run.ts): NumPy at its best. */
export const NUMPY_TUNED = 'numpy malloc-tuned';
