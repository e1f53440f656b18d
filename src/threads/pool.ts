// Kernel threads: workers that run the same wasm build over the same shared memory, so that one
// call on a big array uses every core. A caller splits its work into parts that give the same bits
// in any order (elements of a map, rows of a row kernel) and calls splitWork; small arrays never
// get here (each caller compares its size with a threshold first), so their path is unchanged.
//
// Each worker has 16 KiB in the static area below the heap (wasm.ts: threadsAddress): a control
// block, then the scratch buffers its instance of the build stages data in (assembly/scratch.ts).
// The control block:
//   int32 [0] STATE     IDLE, POSTED (by the main thread), RUNNING (taken by the worker),
//                       DONE, DECLINED (the worker could not see the memory the part needs)
//   int32 [1] SLEEPING  1 while the worker is in Atomics.wait, so that only then is it notified
//   int32 [2] READY     1 once the worker has instantiated the build
//   int32 [3] KERNEL    the kernel's index among the build's exports
//   int32 [4] ARGC      how many arguments
//   f64 [8..22]         the arguments; f64 [23] the bytes of memory the part needs
// A part is run by whichever thread swaps its STATE first: the worker (POSTED -> RUNNING) or the
// main thread, which, once its own part is done, takes back every part no worker has started
// (POSTED -> IDLE). So a worker that sleeps, starts late or never starts costs one atomic swap,
// never a wait, and the split is correct with any number of workers awake.
import { namedKernel } from '../kernels.js';
import {
  inNode,
  memory,
  memoryIsShared,
  simdBuild,
  threadsAddress,
  THREADS_BYTES,
} from '../wasm.js';
import { nodeModule } from './node-module.js';
import { WORKER_SOURCE } from './worker-source.js';

const STATE = 0;
const SLEEPING = 1;
const READY = 2;
const KERNEL = 3;
const ARGC = 4;
const [IDLE, POSTED, DONE, DECLINED] = [0, 1, 3, 4];
const ARGS_AT = 64;
const ARG_SLOTS = 15;
const NEEDED = 15;
const BLOCK_BYTES = 16384;
const SCRATCH_AT = 256;
/** The most threads (the main one and its workers) a call is split over. */
export const MAX_THREADS = 1 + THREADS_BYTES / BLOCK_BYTES;

interface KernelThread {
  state: Int32Array;
  args: Float64Array;
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
 * For tests: with false, the main thread waits for a ready worker to run each part posted to it
 * instead of taking back the parts not yet started, so that a split call is sure to run on two
 * threads however busy the machine is (a worker left unscheduled only makes the call slower).
 */
export function setMainTakesBack(takesBack: boolean): void {
  mainTakesBack = takesBack;
}

function startWorker(index: number): KernelThread | undefined {
  const control = threadsAddress + index * BLOCK_BYTES;
  const state = new Int32Array(memory.buffer, control, 16);
  const args = new Float64Array(memory.buffer, control + ARGS_AT, ARG_SLOTS + 1);
  Atomics.store(state, READY, 0);
  Atomics.store(state, STATE, IDLE);
  const message = { module: simdBuild!.module, memory, control, scratch: control + SCRATCH_AT };
  try {
    if (inNode) nodeWorker(message);
    else pageWorker(message);
    return { state, args };
  } catch {
    return undefined; // no worker: the calls run on the main thread, as with one thread
  }
}

interface NodeWorker {
  postMessage(message: unknown): void;
  unref(): void;
  on(event: string, listener: () => void): void;
}
type WorkerThreads = { Worker: new (source: string, options: { eval: true }) => NodeWorker };

function nodeWorker(message: object): void {
  const { Worker } = nodeModule('node:worker_threads') as WorkerThreads;
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.on('error', () => {}); // a failed worker never becomes READY: the main thread does all
  worker.unref(); // a script ends when its own work does
  worker.postMessage(message);
}

function pageWorker(message: object): void {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  worker.postMessage(message);
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

/**
 * Runs the SIMD build's kernel `name` once for each argument list of `parts`: the first on this
 * thread, the others on the workers ready (of `threads` at most), or on this thread where fewer
 * are ready or a worker does not start its part before this thread is done with its own.
 * Returns once every part has run.
 */
export function runParts(name: string, parts: number[][], threads: number): void {
  const fn = simdBuild!.kernels[name] as ((...args: number[]) => void) | undefined;
  if (fn === undefined) {
    // Not a wasm kernel (bool's are in JS: src/js-kernels/bool.ts): on this thread.
    for (const args of parts) namedKernel(name)(...args);
    return;
  }
  const ready = readyWorkers(threads);
  const needed = memory.buffer.byteLength;
  const posted: KernelThread[] = [];
  for (let part = 1; part < parts.length; part++) {
    const worker = ready[part - 1];
    const args = parts[part];
    if (worker === undefined) {
      fn(...args);
      continue;
    }
    worker.args.set(args);
    worker.args[NEEDED] = needed;
    worker.state[KERNEL] = indexOf(name);
    worker.state[ARGC] = args.length;
    Atomics.store(worker.state, STATE, POSTED);
    if (Atomics.load(worker.state, SLEEPING) === 1) Atomics.notify(worker.state, STATE);
    posted.push(worker);
  }
  fn(...parts[0]);
  for (const worker of posted) {
    const args = () => Array.from(worker.args.subarray(0, worker.state[ARGC]));
    if (mainTakesBack && Atomics.compareExchange(worker.state, STATE, POSTED, IDLE) === POSTED) {
      fn(...args());
      continue;
    }
    let state: number;
    while ((state = Atomics.load(worker.state, STATE)) !== DONE && state !== DECLINED);
    if (state === DECLINED) fn(...args());
    else partsRunByWorkers++;
    Atomics.store(worker.state, STATE, IDLE);
  }
}
