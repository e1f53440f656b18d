// The prefault worker: it writes to the pages just above the heap's top before the allocator
// hands them out, so that the system maps them on another core. The first write to a page of
// fresh memory makes the system map (and zero) it, about 3.6 us per 4 KiB page here, as much as a
// small op; a training loop written without np.tidy frees nothing while it runs (the garbage
// collector's callbacks wait for the loop to end), so each of its steps writes to some thirty
// fresh pages, and it spent half its time mapping them on the main thread (docs/how-it-works.md).
//
// The allocator (memory.ts) calls prefaultAhead(top) whenever a fresh allocation takes `top` past
// the mark it returned last time, so once per PREFAULT_AHEAD / 2 bytes allocated at most. The
// worker sleeps in Atomics.wait on the WANT cell; woken, it touches each page up to WANT (from
// PREFAULT_AHEAD bytes back at most: the pages of a big array the main thread fills itself),
// records how far it got in DONE, and sleeps again. Memory above `top` has never been handed out,
// so it is all zeros, and the worker's touch is an atomic compare-exchange of 0 with 0: it
// changes no byte, even when it races the main thread's first write to a page `top` has passed.
import { memory } from '../wasm.js';
import { setPrefault } from '../memory.js';
import { spawnWorker } from './spawn.js';

const PAGE_SHIFT = 12; // 4 KiB pages; the cells hold page numbers, which fit an int32
/** How far ahead of `top` the worker maps pages: 1 MiB, some nine steps of the planar loop. */
export const PREFAULT_AHEAD = 1 << 20;
const WANT = 0;
const DONE = 1;

// The worker's code, as text (spawn.ts); plain JS without comments, as worker-source.ts's.
// `c` holds the cells (WANT, DONE) as page numbers; `v` is the memory as int32, re-made when the
// memory has grown past it. Pages beyond the memory's end wait for a later WANT.
export const PREFAULT_SOURCE = `function start({ memory, c, ahead }) {
let done = 0, v = new Int32Array(memory.buffer);
for (;;) {
const want = Atomics.load(c, 0);
if (want > done) {
if (v.length >>> 10 < want) v = new Int32Array(memory.buffer);
const end = Math.min(want, v.length >>> 10);
for (let p = Math.max(done, want - ahead); p < end; p++) Atomics.compareExchange(v, p << 10, 0, 0);
done = Math.max(done, end);
Atomics.store(c, 1, done);
}
Atomics.wait(c, 0, want);
}
}
`;

/** WANT and DONE, as page numbers; made with the worker, at the first mark the heap passes. */
let cells: Int32Array | undefined;
let started = false;

/** Asks the worker to map the pages up to PREFAULT_AHEAD past `top`; returns the next mark. */
function prefaultAhead(top: number): number {
  if (!started) {
    started = true;
    try {
      const c = new Int32Array(new SharedArrayBuffer(8));
      spawnWorker(PREFAULT_SOURCE, { memory, c, ahead: PREFAULT_AHEAD >>> PAGE_SHIFT });
      cells = c;
    } catch {
      // No worker: the main thread maps its pages itself, as with one thread.
    }
  }
  if (cells === undefined) return Infinity;
  Atomics.store(cells, WANT, Math.floor((top + PREFAULT_AHEAD) / 2 ** PAGE_SHIFT));
  Atomics.notify(cells, WANT);
  return top + PREFAULT_AHEAD / 2;
}

/** Turns the prefault worker on (with threads on: settings.ts) or off. */
export function setPrefaulting(on: boolean): void {
  setPrefault(on ? prefaultAhead : undefined);
}

/** The byte up to which the worker has mapped the pages above the heap (tests). */
export function prefaultedTo(): number {
  return cells === undefined ? 0 : Atomics.load(cells, DONE) * 2 ** PAGE_SHIFT;
}
