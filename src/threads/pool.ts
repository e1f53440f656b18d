// Kernel threads: workers that run the same wasm build over the same shared memory, so that one
// call on a big array uses every core. A caller splits its work into parts that give the same bits
// in any order (elements of a map, rows of a row kernel) and calls runParts; small arrays never
// get here (each caller compares its size with a threshold first), so their path is unchanged.
//
// The parts of a call are a queue in the static area below the heap (wasm.ts: partsAddress): the
// parts cut into one run of consecutive parts per thread, each run with a counter of its parts
// taken (int32 [r]) and its end (int32 [8 + r]), then each part's arguments (16 float64 slots
// from byte 64). Each thread takes the parts of its own run by Atomics.add on its counter, then
// those left in the other runs: a thread keeps the same elements from call to call while the
// threads keep pace (so its cache holds them), and one that starts late or runs slowly leaves its
// last parts to the others, so no thread waits for another longer than a part takes.
//
// Each worker has 16 KiB in the static area below the heap (wasm.ts: threadsAddress): a control
// block, then the scratch buffers its instance of the build stages data in (assembly/scratch.ts).
// The control block:
//   int32 [0] STATE     IDLE, POSTED (by the main thread), RUNNING (taken by the worker),
//                       DONE, DECLINED (the worker could not see the memory the parts need)
//   int32 [1] SLEEPING  1 while the worker is in Atomics.wait, so that only then is it notified
//   int32 [2] READY     1 once the worker has instantiated the build
//   int32 [3] KERNEL    the kernel's index among the build's exports
//   int32 [4] ARGC      how many arguments a part has
//   int32 [5] RUN       which run of the queue is the worker's own (the main thread's is 0)
//   int32 [6] RUNS      how many runs the queue has (one per thread the call was posted to)
//   int32 [7] RAN       how many parts the worker ran
//   f64 [15]            the bytes of memory the parts need
// A call is started by whichever thread swaps its STATE first: the worker (POSTED -> RUNNING) or
// the main thread, which, once the queue is empty, takes back the call from every worker that
// has not started it (POSTED -> IDLE), so that none starts it after the queue is reused. So a
// worker that sleeps, starts late or never starts costs one atomic swap, never a wait, and the
// split is correct with any number of workers awake.
import { namedKernel } from '../kernels.js';
import {
  memory,
  memoryIsShared,
  MAX_PARTS,
  partsAddress,
  simdBuild,
  threadsAddress,
  THREADS_BYTES,
} from '../wasm.js';
import { spawnWorker } from './spawn.js';
import { WORKER_SOURCE } from './worker-source.js';

const STATE = 0;
const SLEEPING = 1;
const READY = 2;
const KERNEL = 3;
const ARGC = 4;
const RUN = 5;
const RUNS = 6;
const RAN = 7;
const [IDLE, POSTED, DONE, DECLINED] = [0, 1, 3, 4];
const NEEDED = 15;
const BLOCK_BYTES = 16384;
const SCRATCH_AT = 256;
/** The most threads (the main one and its workers) a call is split over. */
export const MAX_THREADS = 1 + THREADS_BYTES / BLOCK_BYTES;
/** A part's argument slots in the queue (float64 each), after the runs' 64 bytes. */
const PART_SLOTS = 16;
const PARTS_AT = 64;

interface KernelThread {
  state: Int32Array;
  /** f64 [NEEDED] of the control block. */
  needed: Float64Array;
}

// settings.ts imports this module only over a shared memory; the build must fit its scratch.
const canThread =
  memoryIsShared &&
  simdBuild !== undefined &&
  (simdBuild.kernels.scratchBytes as () => number)() <= BLOCK_BYTES - SCRATCH_AT;
const workers: (KernelThread | undefined)[] = [];

/**
 * Starts workers (in the background: each is used once READY) until there are n - 1; returns
 * how many threads calls may use, n at most MAX_THREADS (1 where the build cannot thread).
 * Workers beyond the count stay, asleep in Atomics.wait (no cost), for a later count.
 */
export function startWorkers(n: number): number {
  const threads = canThread ? Math.min(n, MAX_THREADS) : 1;
  for (let i = workers.length; i < threads - 1; i++) workers.push(startWorker(i));
  return threads;
}

/** Parts run by a worker since load (tests check that a split really ran on two threads). */
export let partsRunByWorkers = 0;

let mainTakesBack = true;
/**
 * For tests: with false, the main thread waits for the ready workers to run the parts instead of
 * taking parts itself, so that a split call is sure to run on two threads however busy the
 * machine is (a worker left unscheduled only makes the call slower).
 */
export function setMainTakesBack(takesBack: boolean): void {
  mainTakesBack = takesBack;
}

function startWorker(index: number): KernelThread | undefined {
  const control = threadsAddress + index * BLOCK_BYTES;
  const state = new Int32Array(memory.buffer, control, 16);
  const needed = new Float64Array(memory.buffer, control, 16);
  Atomics.store(state, READY, 0);
  Atomics.store(state, STATE, IDLE);
  const message = {
    module: simdBuild!.module,
    memory,
    control,
    scratch: control + SCRATCH_AT,
    parts: partsAddress,
  };
  try {
    spawnWorker(WORKER_SOURCE, message);
    return { state, needed };
  } catch {
    return undefined; // no worker: the calls run on the main thread, as with one thread
  }
}

const kernelIndex = new Map<string, number>();
function indexOf(name: string): number {
  let index = kernelIndex.get(name);
  if (index === undefined) {
    index = Object.keys(simdBuild!.kernels).indexOf(name);
    if (index < 0) throw new Error(`nnbasics: no kernel named ${name}`);
    kernelIndex.set(name, index);
  }
  return index;
}

/** The threads that can take a part now, of `threads` at most: this one and the workers ready. */
export function threadsReady(threads: number): number {
  return 1 + readyWorkers(threads).length;
}

function readyWorkers(threads: number): KernelThread[] {
  const ready: KernelThread[] = [];
  for (let i = 0; i < threads - 1; i++) {
    const worker = workers[i];
    if (worker !== undefined && Atomics.load(worker.state, READY) === 1) ready.push(worker);
  }
  return ready;
}

// The queue's runs (counters and ends) and its parts' arguments, over the memory as it was at
// load: the queue lies below the heap, so these views never need re-making when the memory grows.
const runs = new Int32Array(memory.buffer, partsAddress, 16);
const queue = new Float64Array(memory.buffer, partsAddress + PARTS_AT, MAX_PARTS * PART_SLOTS);
const END = 8;

/** Runs the parts left of the queue's `count` runs, from run `own` on (as the workers do). */
function takeParts(fn: (...args: number[]) => void, parts: number[][], own: number, count: number) {
  for (let k = 0; k < count; k++) {
    const run = (own + k) % count;
    for (let part; (part = Atomics.add(runs, run, 1)) < runs[END + run];) fn(...parts[part]);
  }
}

/**
 * Runs the SIMD build's kernel `name` once for each argument list of `parts` (of one length, at
 * most MAX_PARTS of them), on this thread and on the workers ready (of `threads` at most), each
 * thread taking its own run of the parts, then what the others have left. Returns once every
 * part has run.
 */
export function runParts(name: string, parts: number[][], threads: number): void {
  const fn = simdBuild!.kernels[name] as ((...args: number[]) => void) | undefined;
  const ready = fn === undefined || parts.length < 2 ? [] : readyWorkers(threads);
  if (ready.length === 0) {
    // Not a wasm kernel (bool's are in JS: src/js-kernels/bool.ts), or no worker: on this thread.
    const run = fn ?? namedKernel(name);
    for (const args of parts) run(...args);
    return;
  }
  if (parts.length > MAX_PARTS) throw new Error(`nnbasics: ${parts.length} parts for ${name}`);
  const count = Math.min(ready.length + 1, parts.length);
  ready.length = count - 1;
  parts.forEach((args, i) => queue.set(args, i * PART_SLOTS));
  for (let run = 0; run < count; run++) {
    runs[run] = Math.floor((run * parts.length) / count);
    runs[END + run] = Math.floor(((run + 1) * parts.length) / count);
  }
  const needed = memory.buffer.byteLength;
  const kernel = indexOf(name);
  ready.forEach((worker, i) => {
    worker.state[KERNEL] = kernel;
    worker.state[ARGC] = parts[0].length;
    worker.state[RUN] = i + 1;
    worker.state[RUNS] = count;
    worker.needed[NEEDED] = needed;
    Atomics.store(worker.state, STATE, POSTED);
    if (Atomics.load(worker.state, SLEEPING) === 1) Atomics.notify(worker.state, STATE);
  });
  // For tests: the workers run every part (this thread only what a worker declined).
  if (!mainTakesBack) ready.forEach(finished);
  takeParts(fn!, parts, 0, count);
  for (const worker of ready) {
    // A worker that has not started the call must not: the queue is empty, and will be reused.
    if (Atomics.compareExchange(worker.state, STATE, POSTED, IDLE) === POSTED) continue;
    if (finished(worker) === DONE) partsRunByWorkers += worker.state[RAN];
    Atomics.store(worker.state, STATE, IDLE);
  }
}

/** Waits for a worker that has started a call to finish it: DONE, or DECLINED. */
function finished(worker: KernelThread): number {
  let state: number;
  while ((state = Atomics.load(worker.state, STATE)) !== DONE && state !== DECLINED);
  return state;
}
