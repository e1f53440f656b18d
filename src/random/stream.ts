// What NumPy's two generators share here: a state kept in JS, copied into wasm memory for each
// kernel call that draws from it and copied back after; outputs filled in one call; and the
// helpers of shuffle, permutation and choice, which both draw the same way but for their words.
import { IndexError, ValueError, checkReadable, describe, readList } from '../errors.js';
import { namedKernel } from '../kernels.js';
import { type ArrayInput, NDArray, heapOf } from '../ndarray.js';
import { heap } from '../memory.js';
import { fromData } from '../ops/create.js';
import { RANDOM_STATE_BYTES, randomStateAddress } from '../wasm.js';
import { type Size, checkInteger, dimsOf, filled } from './sizes.js';

/** The generator whose state is in wasm memory now (its JS copy is stale until it leaves). */
let resident: Stream | undefined;

/** A bit generator's state and the kernels of its family (`mt19937_...`, `pcg64_...`). */
export class Stream {
  protected readonly state: Uint8Array;

  constructor(
    bytes: number,
    /** The kernels' name prefix. */
    protected readonly family: string,
  ) {
    if (bytes > RANDOM_STATE_BYTES) throw new Error('nnbasics: generator state too large');
    this.state = new Uint8Array(bytes);
  }

  /**
   * Runs fn with the state in wasm memory (at randomStateAddress). The state stays there for the
   * generator's next call; another generator's call first copies it back into its JS copy, so
   * a loop drawing from one generator copies nothing.
   */
  protected run<T>(fn: (address: number) => T): T {
    if (resident !== this) {
      resident?.evict();
      heap().u8.set(this.state, randomStateAddress);
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the one generator in wasm memory
      resident = this;
    }
    return fn(randomStateAddress);
  }

  /** Copies the state out of wasm memory, which another generator is about to use. */
  private evict(): void {
    const end = randomStateAddress + this.state.length;
    this.state.set(heap().u8.subarray(randomStateAddress, end));
    resident = undefined;
  }

  /** An output of `size` (a JS number without one), filled by `<family>_<kernel>(state, out, n, ...args)`. */
  protected fill(
    fn: string,
    kernel: string,
    size: Size,
    dtype: 'float64' | 'float32' | 'int32',
    ...args: number[]
  ): NDArray | number {
    const dims = dimsOf(fn, size);
    const name = `${this.family}_${kernel}`;
    return filled(fn, dims, dtype, (out, count) =>
      this.run((state) => namedKernel(name)(state, out.offset * out.itemsize, count, ...args)),
    );
  }

  /** The order in which shuffle rearranges n items (its draws), as int32 indices. */
  protected shuffledOrder(fn: string, n: number): NDArray {
    const order = NDArray.empty([n], 'int32', fn);
    if (n > 1)
      this.run((state) => namedKernel(`${this.family}_shuffle`)(state, order.offset * 4, n));
    else if (n === 1) heapOf('int32')[order.offset] = 0;
    return order;
  }

  /** shuffle(x): x shuffled in place along its first axis (an NDArray or a JS array). */
  shuffle(x: NDArray | unknown[]): void {
    checkReadable('shuffle', x);
    if (Array.isArray(x)) {
      const copy = readList('shuffle', x); // its length read once
      const order = this.shuffledOrder('shuffle', copy.length);
      const picked = Array.from(heapOf('int32').subarray(order.offset, order.offset + copy.length));
      order.dispose();
      picked.forEach((from, i) => (x[i] = copy[from]));
      return;
    }
    if (!(x instanceof NDArray)) {
      throw new TypeError(`shuffle: expected an NDArray or a JS array, got ${describe(x)}`);
    }
    x.check('shuffle');
    if (x.ndim === 0) throw new TypeError('shuffle: len() of unsized object');
    const order = this.shuffledOrder('shuffle', x.dims[0]);
    try {
      const rows = x.get(order) as NDArray;
      try {
        x.set('...', rows);
      } finally {
        rows.dispose();
      }
    } finally {
      order.dispose();
    }
  }

  /** permutation(n | x): arange(n) shuffled, or a shuffled copy of x (along its first axis). */
  permutation(x: number | ArrayInput): NDArray {
    checkReadable('permutation', x);
    if (typeof x === 'number') {
      checkInteger('permutation', 'x', x);
      return this.shuffledOrder('permutation', Math.max(x, 0)); // arange of a negative n is empty
    }
    const array = fromData('permutation', x);
    if (array.ndim < 1) {
      array.dispose();
      throw new IndexError('permutation: x must be an integer or at least 1-dimensional');
    }
    try {
      this.shuffle(array);
    } catch (error) {
      array.dispose();
      throw error;
    }
    return array;
  }

  /** n uniform doubles as a JS array (choice's draws). */
  protected uniforms(n: number): number[] {
    const u = this.fill('choice', 'random', [n], 'float64') as NDArray;
    try {
      return Array.from(u.data);
    } finally {
      u.dispose();
    }
  }
  /** choice with replacement and p: each draw a uniform, searched in the cdf (both NumPys). */
  protected weightedDraws(count: number, weights: Float64Array): number[] {
    const cdf = cdfOf(weights);
    return this.uniforms(count).map((u) => searchRight(cdf, u));
  }
}

/** The cumulative sums of p normalised by the last, as NumPy's cdf for choice: cumsum, /= cdf[-1]. */
export function cdfOf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let total = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = total += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** searchsorted(cdf, u, side='right'): the number of cdf entries <= u. */
export function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** NumPy's kahan_sum, which choice checks p's total with. */
function kahanSum(p: Float64Array): number {
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** Messages that the two generators word differently. */
export interface ChoiceWords {
  pDims: string;
  pSize: string;
  nan: string;
  negative: string;
  sum: string;
  notInteger: string;
  emptyInteger: string;
  emptyArray: string;
  larger: string;
}

/** p as float64 values, checked as choice checks it. */
export function probabilities(p: ArrayInput, popSize: number, words: ChoiceWords): Float64Array {
  const array = fromData('choice', p, 'float64');
  try {
    if (array.ndim !== 1) throw new ValueError(`choice: ${words.pDims}`);
    if (array.size !== popSize) throw new ValueError(`choice: ${words.pSize}`);
    const values = Float64Array.from(array.data);
    const sum = kahanSum(values);
    if (Number.isNaN(sum)) throw new ValueError(`choice: ${words.nan}`);
    if (values.some((v) => v < 0)) throw new ValueError(`choice: ${words.negative}`);
    if (Math.abs(sum - 1) > Math.sqrt(2 ** -52)) throw new ValueError(`choice: ${words.sum}`);
    return values;
  } finally {
    array.dispose();
  }
}

/** choice without replacement with p: draw, keep first occurrences, zero what was found, again. */
export function choiceWeighted(
  count: number,
  p: Float64Array,
  draws: (n: number) => number[],
): number[] {
  if (p.filter((v) => v > 0).length < count) {
    throw new ValueError('choice: Fewer non-zero entries in p than size');
  }
  const weights = Float64Array.from(p);
  const found: number[] = [];
  while (found.length < count) {
    const x = draws(count - found.length);
    for (const f of found) weights[f] = 0;
    const cdf = cdfOf(weights);
    const fresh = new Set<number>();
    for (const u of x) fresh.add(searchRight(cdf, u));
    found.push(...fresh);
  }
  return found;
}

/**
 * The frame of choice(a, size, ...): checks a, turns the sampled indices (from `indices`) into
 * values of a, and gives a JS number when size is omitted.
 */
export function choose(
  a: number | ArrayInput,
  size: Size,
  words: ChoiceWords,
  indices: (popSize: number, count: number) => number[],
): NDArray | number {
  const dims = dimsOf('choice', size);
  const count = dims ? dims.reduce((n, d) => n * d, 1) : 1;
  const population = typeof a === 'number' ? undefined : fromData('choice', a);
  try {
    if (population && population.ndim !== 1) {
      throw new ValueError(
        population.ndim === 0 ? `choice: ${words.notInteger}` : 'choice: a must be 1-dimensional',
      );
    }
    const popSize = population ? population.dims[0] : checkInteger('choice', 'a', a);
    if (popSize <= 0 && count !== 0) {
      throw new ValueError(`choice: ${population ? words.emptyArray : words.emptyInteger}`);
    }
    const idx = fromData('choice', indices(popSize, count), 'int32');
    let result: NDArray;
    try {
      result = population ? (population.get(idx) as NDArray) : idx.reshape(dims ?? [count]);
    } finally {
      idx.dispose();
    }
    if (!dims) {
      const value = result.item() as number;
      result.dispose();
      return value;
    }
    if (!population) return result;
    try {
      return result.reshape(dims);
    } finally {
      result.dispose();
    }
  } finally {
    population?.dispose();
  }
}
