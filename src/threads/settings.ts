// np.setThreads and np.getThreads, and whether a call may split now. The pool of workers
// (pool.ts, with the workers' code) and the prefault worker (prefault.ts) are chunks of their
// own, imported only where the memory is shared (Node; a cross-origin isolated page), so that
// other pages never fetch them.
import { describe } from '../errors.js';
import { getBackend } from '../kernels.js';
import { inNode, memoryIsShared, simdBuild } from '../wasm.js';
import { nodeModule } from './node-module.js';

type Pool = typeof import('./pool.js');
const pool: Pool | undefined =
  memoryIsShared && simdBuild !== undefined ? await import('./pool.js') : undefined;
const prefault = pool ? await import('./prefault.js') : undefined;

type OS = { availableParallelism(): number };
const cores = inNode
  ? (nodeModule('node:os') as OS).availableParallelism()
  : (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
/** Threads by default: the cores, at most 4 (memory-bound kernels gain nothing from more). */
const DEFAULT_THREADS = Math.max(1, Math.min(cores ?? 1, 4));

let threads = 1;

/** np.setThreads(n): how many threads a call on a big array may use; 1 turns threads off. */
export function setThreads(n: number): void {
  if (typeof n !== 'number') {
    throw new TypeError(`setThreads: expected a number of threads, got ${describe(n)}`);
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`setThreads: expected a whole number of threads >= 1, got ${describe(n)}`);
  }
  threads = pool ? pool.startWorkers(n) : 1;
  // The pages of fresh memory are mapped by a worker too, while threads are on.
  prefault?.setPrefaulting(threads > 1);
}

/** np.getThreads(): the threads a call may use (1 where the runtime has no shared memory). */
export function getThreads(): number {
  return threads;
}

/** Whether a call may split now: threads are on and the threaded build is the active one. */
export function threadsOn(): boolean {
  return threads > 1 && getBackend() === 'wasm-simd';
}

/** The threads that can take a part of a call now: this one and the workers ready. */
export function threadsReady(): number {
  return pool ? pool.threadsReady(threads) : 1;
}

/** Runs kernel `name` once for each argument list, in parallel (pool.ts's runParts). */
export function runParts(name: string, parts: number[][]): void {
  pool!.runParts(name, parts, threads);
}

setThreads(DEFAULT_THREADS);
