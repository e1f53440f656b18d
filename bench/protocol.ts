// The line protocol between bench/run.ts and its measuring processes (bench/engine-process.ts for
// the JS engines, bench/numpy_bench.py for NumPy): one JSON command per line on the process's
// stdin, one JSON reply per line on its stdout. The process first says whether its engine loaded
// (Hello); then, for each cell, run.ts sends `prepare` (which warms the op up and sizes a sample),
// then `sample` as many times as it wants, interleaving every engine's samples of the cell, then
// `dispose`. End of input ends the process. Types only (the import is erased).
import type { DType, Op } from './nnbasics-engine.js';

/** The process's first line. */
export type Hello = { ready: true } | { error: string };

export type Command =
  | {
      cmd: 'prepare';
      op: Op;
      dtype: DType;
      /** The input's N (matmul's inputs are 256 x 256 on every input). */
      n: number;
      /** NumPy only: the raw input arrays, written by run.ts (x, y or a, b). */
      files?: Record<string, string>;
    }
  | { cmd: 'sample' }
  | { cmd: 'dispose' };

export type PrepareReply =
  | {
      status: 'ok';
      /** Seconds per call, as the warm-up measured it: run.ts sizes its samples by it. */
      callSeconds: number;
      /** Absent for the read floor, which computes nothing to check. */
      signature?: number[];
    }
  | { status: 'n/a' }
  | { status: 'error'; note: string };

/** One sample: enough calls of the prepared op to time (see MIN_SAMPLE_SECONDS). */
export interface SampleReply {
  /** Seconds per call. */
  seconds: number;
}
