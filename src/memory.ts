// The allocator over wasm linear memory, reference-counted blocks, and array lifetimes:
// dispose, tidy scopes, and a FinalizationRegistry for what the user forgot.
import { describe, formatShape, readList } from './errors.js';
import { heapStart, memory } from './wasm.js';

const ALIGN = 64; // a cache line: plenty for v128 loads
const PAGE = 65536;
const ADDRESS_SPACE = 2 ** 32; // wasm32

/**
 * Size classes: multiples of 64 bytes up to 256, then four classes per power of two (so at
 * most 25% of a block is slack). A freed block waits on its class's free list for reuse.
 */
export function classSize(bytes: number): number {
  if (bytes <= 256) return bytes <= ALIGN ? ALIGN : Math.ceil(bytes / ALIGN) * ALIGN;
  if (bytes > 2 ** 31) {
    const step = 2 ** Math.floor(Math.log2(bytes - 1)) / 4;
    return Math.ceil(bytes / step) * step;
  }
  // A quarter of the largest power of two below `bytes`, in 32-bit integer arithmetic.
  const shift = 29 - Math.clz32(bytes - 1);
  const step = 1 << shift;
  return (((bytes + step - 1) >>> shift) << shift) >>> 0;
}

const freeLists = new Map<number, number[]>();
let top = Math.ceil(heapStart / ALIGN) * ALIGN;

// With threads on, a worker maps the fresh pages above `top` before they are handed out
// (threads/prefault.ts): `prefault` asks it to, each time `top` passes `prefaultMark`, and returns
// the next mark. The first mark is the memory's end then, so a script whose arrays fit the memory
// as loaded never starts the worker.
let prefault: ((top: number) => number) | undefined;
let prefaultMark = Infinity;

/** Sets (or, with undefined, removes) the function that asks for the pages above `top` mapped. */
export function setPrefault(ask: ((top: number) => number) | undefined): void {
  prefault = ask;
  prefaultMark = ask === undefined ? Infinity : Math.max(top, heap().u8.length);
}

interface HeapViews {
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
  u8: Uint8Array;
}
/** The views over the memory; made anew after grow() grows it, the only place that does. */
let views: HeapViews | undefined;

/**
 * Typed arrays over the whole memory. Kept until the memory grows (the old buffer then detaches,
 * or, shared, keeps its old length): reading `memory.buffer` costs about 50 ns, and a small op
 * asks for the views several times.
 */
export function heap(): HeapViews {
  if (views === undefined) {
    const buffer = memory.buffer;
    views = {
      f64: new Float64Array(buffer),
      f32: new Float32Array(buffer),
      i32: new Int32Array(buffer),
      u8: new Uint8Array(buffer),
    };
  }
  return views;
}

function grow(end: number): boolean {
  const have = heap().u8.length;
  if (end <= have) return true;
  const needed = Math.ceil((end - have) / PAGE);
  // Grow by at least 1/8 of the heap so that a run of small allocations grows rarely.
  const generous = Math.max(needed, Math.ceil(have / PAGE / 8));
  for (const pages of generous > needed ? [generous, needed] : [needed]) {
    try {
      memory.grow(pages);
      views = undefined; // over the old buffer: detached, or (shared) of the old length
      return true;
    } catch {
      // The runtime refused; try the exact amount, then give up.
    }
  }
  return false;
}

/** A block of linear memory shared by an array and its views; freed when the last lets go. */
export class Block {
  refs = 1;
  constructor(
    /** Where the data starts. */
    readonly ptr: number,
    /** Bytes asked for. */
    readonly bytes: number,
    /** Where the allocation starts (before the guard bytes, if any) and its size class. */
    readonly base: number = ptr,
    readonly size: number = classSize(bytes),
  ) {}
}

// Guard bytes (a testing aid): with guards on, every block is fenced by GUARD bytes of a known
// pattern on each side, and checkGuards() finds any kernel that wrote outside its arrays.
const GUARD = 64;
const GUARD_BYTE = 0xa5;
let guarded = false;
const liveBlocks = new Set<Block>();

/** Turns guard bytes on or off for blocks allocated from now on (tests only). */
export function setGuards(on: boolean): void {
  guarded = on;
}

/** The blocks whose guard bytes were overwritten, as "ptr+bytes" strings (empty when all are intact). */
export function checkGuards(): string[] {
  const bytes = new Uint8Array(memory.buffer);
  const damaged: string[] = [];
  for (const block of liveBlocks) {
    const before = bytes.subarray(block.base, block.ptr);
    const after = bytes.subarray(block.ptr + block.bytes, block.base + block.size);
    if (before.some((b) => b !== GUARD_BYTE) || after.some((b) => b !== GUARD_BYTE)) {
      damaged.push(`${block.ptr}+${block.bytes}`);
    }
  }
  return damaged;
}

let liveBytes = 0;
let liveArrays = 0;

/**
 * A new block of at least `bytes` bytes, 64-byte aligned, for an array of `shape` and `dtype`
 * made by `fn` (which the RangeError names when wasm32 memory cannot hold it; the heap is then
 * left as it was).
 */
export function allocate(
  bytes: number,
  fn: string,
  shape: readonly number[],
  dtype: string,
): Block {
  const size = classSize(guarded ? bytes + 2 * GUARD : bytes);
  let ptr = freeLists.get(size)?.pop();
  if (ptr === undefined) {
    if (top + size > ADDRESS_SPACE || !grow(top + size)) {
      throw new RangeError(
        `${fn}: cannot allocate array of shape ${formatShape(shape)} and dtype ${dtype}: ` +
          `${bytes} bytes do not fit in wasm32 memory ` +
          `(${memory.buffer.byteLength} bytes in use of at most ${ADDRESS_SPACE})`,
      );
    }
    ptr = top;
    top += size;
    if (top > prefaultMark) prefaultMark = prefault!(top);
  }
  liveBytes += bytes;
  if (!guarded) return new Block(ptr, bytes);
  new Uint8Array(memory.buffer, ptr, size).fill(GUARD_BYTE);
  const block = new Block(ptr + GUARD, bytes, ptr, size);
  liveBlocks.add(block);
  return block;
}

/** Drops one reference to a block; the last one returns it to its free list. */
export function release(block: Block): void {
  if (--block.refs > 0) return;
  liveBytes -= block.bytes;
  liveBlocks.delete(block);
  let list = freeLists.get(block.size);
  if (!list) freeLists.set(block.size, (list = []));
  list.push(block.base);
}

/**
 * An array the user forgot is freed when JS collects it: the registry holds a lease on its
 * block, which dispose() ends (so nothing needs unregistering).
 */
export interface Lease {
  block: Block;
  live: boolean;
}

/** What every array is to the lifetime machinery. */
export interface Owned {
  readonly block: Block;
  readonly isDisposed: boolean;
  /** Set once the array is registered for finalization. */
  lease: Lease | undefined;
  dispose(): void;
}
const registry = new FinalizationRegistry<Lease>((lease) => {
  if (!lease.live) return;
  lease.live = false;
  liveArrays--;
  release(lease.block);
});

// Registering costs about half a microsecond in V8, more than a small op itself, and most arrays
// an op returns are disposed (or tidied) right away. So new arrays wait in `pending` and are
// registered in batches, after the current task (a microtask) or every PENDING_LIMIT arrays,
// whichever comes first; an array disposed by then is never registered. An array made inside
// np.tidy waits for the outermost tidy to end: tidy frees it then, unless it is returned.
const PENDING_LIMIT = 256;
let pending: Owned[] = [];

function queueForRegistry(array: Owned): void {
  if (pending.length === 0) queueMicrotask(registerPending);
  pending.push(array);
  if (pending.length >= PENDING_LIMIT) registerPending();
}

function registerPending(): void {
  const arrays = pending;
  pending = [];
  for (const array of arrays) {
    if (array.isDisposed) continue;
    array.lease = { block: array.block, live: true };
    registry.register(array, array.lease);
  }
}

const scopes: Set<Owned>[] = [];

/** Called once by each new array: counts it, enters it in the tidy scope or queues it for the registry. */
export function adopt(array: Owned): void {
  liveArrays++;
  const scope = scopes.at(-1);
  if (scope) scope.add(array);
  else queueForRegistry(array);
}

/** Called once by each array's dispose. */
export function disown(array: Owned): void {
  liveArrays--;
  if (array.lease) array.lease.live = false;
  scopes.at(-1)?.delete(array);
  release(array.block);
}

/**
 * The arrays of `scope` that `value` holds: itself, or inside arrays and plain objects. Arrays are
 * told by membership of the scope, so that no getter of theirs runs; a getter of the user's
 * object may throw, and so may a revoked Proxy.
 */
function collectOwned(value: unknown, scope: Set<Owned>, found: Set<unknown>, seen: Set<unknown>) {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (scope.has(value as Owned)) {
    found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of readList('tidy', value)) collectOwned(item, scope, found, seen);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectOwned(item, scope, found, seen);
  }
}

/**
 * Runs `fn` and frees every array it created, except those it returns (also inside returned
 * arrays and plain objects), which pass to the enclosing tidy, if any. When fn throws, or its
 * result cannot be read (a getter that throws, a revoked Proxy), every array it made is freed.
 */
export function tidy<T>(fn: () => T): T {
  if (typeof fn !== 'function')
    throw new TypeError(`tidy: expected a function, got ${describe(fn)}`);
  if (fn.constructor?.name === 'AsyncFunction') {
    throw new TypeError('tidy: fn must be synchronous, not an async function');
  }
  const scope = new Set<Owned>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    scopes.pop();
    for (const array of scope) array.dispose();
    throw error;
  }
  scopes.pop();
  const kept = new Set<unknown>();
  let promise = false;
  try {
    promise = result instanceof Promise;
    if (!promise) collectOwned(result, scope, kept, new Set());
  } catch (error) {
    for (const array of scope) array.dispose();
    throw new TypeError(`tidy: could not read what fn returned (${(error as Error)?.message})`, {
      cause: error,
    });
  }
  if (promise) {
    for (const array of scope) array.dispose();
    // Refused, so nobody will await it: its rejection must not surface as unhandled.
    (result as Promise<unknown>).catch(() => undefined);
    throw new TypeError('tidy: fn must be synchronous (it returned a Promise)');
  }
  const outer = scopes.at(-1);
  for (const array of scope) {
    if (!kept.has(array)) array.dispose();
    else if (outer) outer.add(array);
    else queueForRegistry(array);
  }
  return result;
}

/** np.memory(): live arrays (views included), the bytes they hold, and the heap's size. */
export function memoryUsage(): { arrays: number; bytes: number; heapBytes: number } {
  return { arrays: liveArrays, bytes: liveBytes, heapBytes: memory.buffer.byteLength };
}
