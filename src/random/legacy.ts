// NumPy's legacy random API, number for number: RandomState over MT19937 (assembly/mt19937.ts)
// and the np.random.* functions that share one global RandomState, as courses seed it with
// np.random.seed(1). Each call copies the generator's state into wasm memory, runs one kernel
// that fills the whole output, and copies the state back: a RandomState is plain JS, with
// nothing to free.
import { IndexError, ValueError, checkOptions, describe } from '../errors.js';
import { namedKernel } from '../kernels.js';
import { type ArrayInput, NDArray, heapOf } from '../ndarray.js';
import { heap } from '../memory.js';
import { fromData } from '../ops/create.js';
import { randomStateAddress } from '../wasm.js';
import { type Size, checkInteger, checkReal, dimsOf, filled } from './sizes.js';

const STATE_BYTES = 624 * 4 + 16; // the words, the position, the cached-normal flag, the normal

/** A seed as RandomState takes it: an integer in [0, 2**32 - 1]. */
function checkSeed(fn: string, seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new TypeError(`${fn}: seed must be an integer, got ${describe(seed)}`);
  }
  if (seed < 0 || seed > 2 ** 32 - 1) {
    throw new ValueError(`${fn}: Seed must be between 0 and 2**32 - 1`);
  }
  return seed;
}

/** A seed from the platform's entropy, for a generator made without one (as NumPy's). */
function freshSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}

/** The cumulative sums of p normalised by the last, as NumPy's cdf for choice: cumsum, /= cdf[-1]. */
function cdfOf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let total = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = total += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** searchsorted(cdf, u, side='right'): the number of cdf entries <= u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** NumPy's kahan_sum of p, which choice checks against 1. */
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

export interface ChoiceOptions {
  replace?: boolean;
  p?: ArrayInput | null;
}

/** NumPy's RandomState: the legacy MT19937 generator and its distributions. */
export class RandomState {
  readonly #state = new Uint8Array(STATE_BYTES);

  /** new np.random.RandomState(seed): seeded as NumPy seeds an integer (omitted: from entropy). */
  constructor(seed?: number | null) {
    this.seed(seed);
  }

  /** Reseeds the generator (NumPy's RandomState.seed). */
  seed(seed?: number | null): void {
    const value = seed === undefined || seed === null ? freshSeed() : checkSeed('seed', seed);
    this.#run((state) => namedKernel('mt19937_seed')(state, value));
  }

  /** Runs fn with the state in wasm memory (at randomStateAddress), then keeps what it left. */
  #run<T>(fn: (state: number) => T): T {
    heap().u8.set(this.#state, randomStateAddress);
    const result = fn(randomStateAddress);
    this.#state.set(heap().u8.subarray(randomStateAddress, randomStateAddress + STATE_BYTES));
    return result;
  }

  /** An output of `size` (a JS number without one) filled by a kernel `name(state, out, n, ...args)`. */
  #fill(fn: string, name: string, size: Size, dtype: 'float64' | 'int32', ...args: number[]) {
    const dims = dimsOf(fn, size);
    return filled(fn, dims, dtype, (out, count) =>
      this.#run((state) => namedKernel(name)(state, out.offset * out.itemsize, count, ...args)),
    );
  }

  /** Uniform doubles in [0, 1) (random_sample). */
  random(size?: Size): NDArray | number {
    return this.#fill('random', 'mt19937_random', size, 'float64');
  }

  /** Alias of random, as NumPy's random_sample. */
  randomSample(size?: Size): NDArray | number {
    return this.#fill('randomSample', 'mt19937_random', size, 'float64');
  }

  /** rand(d0, d1, ...): uniform doubles in [0, 1) of those dims (a JS number without any). */
  rand(...dims: number[]): NDArray | number {
    return this.#fill('rand', 'mt19937_random', dims.length ? dims : undefined, 'float64');
  }

  /** randn(d0, d1, ...): standard normals of those dims (a JS number without any). */
  randn(...dims: number[]): NDArray | number {
    return this.#fill('randn', 'mt19937_gauss', dims.length ? dims : undefined, 'float64');
  }

  /** Standard normals (NumPy's polar method, the second value kept for the next draw). */
  standardNormal(size?: Size): NDArray | number {
    return this.#fill('standardNormal', 'mt19937_gauss', size, 'float64');
  }

  /** uniform(low = 0, high = 1, size?): low + (high - low) * u. */
  uniform(low = 0, high = 1, size?: Size): NDArray | number {
    const range = checkReal('uniform', 'high', high) - checkReal('uniform', 'low', low);
    if (!Number.isFinite(range)) throw new RangeError('uniform: Range exceeds valid bounds');
    return this.#fill('uniform', 'mt19937_uniform', size, 'float64', low, range);
  }

  /** normal(loc = 0, scale = 1, size?): loc + scale * a standard normal. */
  normal(loc = 0, scale = 1, size?: Size): NDArray | number {
    checkReal('normal', 'loc', loc);
    if (checkReal('normal', 'scale', scale) < 0) throw new ValueError('normal: scale < 0');
    return this.#fill('normal', 'mt19937_normal', size, 'float64', loc, scale);
  }

  /**
   * randint(low, high?, size?): integers in [low, high) (in [0, low) without high), drawn as
   * RandomState draws them (masked rejection on 32-bit words); int32 here (NumPy: int64).
   */
  randint(low: number, high?: number | null, size?: Size): NDArray | number {
    checkInteger('randint', 'low', low);
    if (high === undefined || high === null) {
      if (low <= 0) throw new ValueError('randint: high <= 0');
      [low, high] = [0, low];
    } else {
      checkInteger('randint', 'high', high);
    }
    if (low >= high) throw new ValueError('randint: low >= high');
    if (low < -(2 ** 31)) throw new ValueError('randint: low is out of bounds for int32');
    if (high > 2 ** 31) throw new ValueError('randint: high is out of bounds for int32');
    return this.#fill('randint', 'mt19937_bounded', size, 'int32', low, high - low - 1);
  }

  /** The order in which shuffle rearranges n items (the same draws), as int32 indices. */
  #shuffled(fn: string, n: number): NDArray {
    const order = NDArray.empty([n], 'int32', fn);
    if (n > 1) this.#run((state) => namedKernel('mt19937_shuffle')(state, order.offset * 4, n));
    else if (n === 1) heapOf('int32')[order.offset] = 0;
    return order;
  }

  /** shuffle(x): x shuffled in place along its first axis (an NDArray or a JS array). */
  shuffle(x: NDArray | unknown[]): void {
    if (Array.isArray(x)) {
      const order = this.#shuffled('shuffle', x.length);
      const picked = Array.from(heapOf('int32').subarray(order.offset, order.offset + x.length));
      order.dispose();
      const copy = [...x];
      picked.forEach((from, i) => (x[i] = copy[from]));
      return;
    }
    if (!(x instanceof NDArray)) {
      throw new TypeError(`shuffle: expected an NDArray or a JS array, got ${describe(x)}`);
    }
    x.check('shuffle');
    if (x.ndim === 0) throw new TypeError('shuffle: len() of unsized object');
    const order = this.#shuffled('shuffle', x.shape[0]);
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
    if (typeof x === 'number') {
      checkInteger('permutation', 'x', x);
      return this.#shuffled('permutation', Math.max(x, 0)); // arange of a negative n is empty
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

  /**
   * choice(a, size?, {replace = true, p}): samples from arange(a) or from the 1-D array a, as
   * RandomState.choice draws them (randint with replacement, permutation without; with p, the
   * cdf searched with uniform draws).
   */
  choice(a: number | ArrayInput, size?: Size, options?: ChoiceOptions): NDArray | number {
    const { replace = true, p = null } = checkOptions('choice', options, ['replace', 'p']);
    if (typeof replace !== 'boolean') {
      throw new TypeError(`choice: replace must be a boolean, got ${describe(replace)}`);
    }
    const dims = dimsOf('choice', size);
    const count = dims ? dims.reduce((n, d) => n * d, 1) : 1;
    const population = typeof a === 'number' ? undefined : fromData('choice', a);
    try {
      if (population && population.ndim !== 1) {
        throw new ValueError(
          population.ndim === 0
            ? 'choice: a must be 1-dimensional or an integer'
            : 'choice: a must be 1-dimensional',
        );
      }
      const popSize = population ? population.shape[0] : checkInteger('choice', 'a', a);
      if (popSize <= 0 && count !== 0) {
        throw new ValueError(
          population
            ? "choice: 'a' cannot be empty unless no samples are taken"
            : 'choice: a must be greater than 0 unless no samples are taken',
        );
      }
      const probabilities = p === null ? undefined : this.#probabilities(p, popSize);
      const indices = this.#choiceIndices(popSize, count, replace, probabilities);
      const idx = fromData('choice', indices, 'int32');
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

  /** p as float64 values, checked as NumPy checks it. */
  #probabilities(p: ArrayInput, popSize: number): Float64Array {
    const array = fromData('choice', p, 'float64');
    try {
      if (array.ndim !== 1) throw new ValueError("choice: 'p' must be 1-dimensional");
      if (array.size !== popSize) throw new ValueError("choice: 'a' and 'p' must have same size");
      const values = Float64Array.from(array.data);
      const sum = kahanSum(values);
      if (Number.isNaN(sum)) throw new ValueError('choice: probabilities contain NaN');
      if (values.some((v) => v < 0))
        throw new ValueError('choice: probabilities are not non-negative');
      if (Math.abs(sum - 1) > Math.sqrt(2 ** -52)) {
        throw new ValueError('choice: probabilities do not sum to 1');
      }
      return values;
    } finally {
      array.dispose();
    }
  }

  /** The sampled indices, in C order, as RandomState.choice computes them. */
  #choiceIndices(
    popSize: number,
    count: number,
    replace: boolean,
    p: Float64Array | undefined,
  ): number[] {
    const draws = (n: number) => {
      const u = this.random([n]) as NDArray;
      try {
        return Array.from(u.data);
      } finally {
        u.dispose();
      }
    };
    const ints = (array: NDArray) => {
      try {
        return Array.from(array.data);
      } finally {
        array.dispose();
      }
    };
    if (replace) {
      if (!p) return count === 0 ? [] : ints(this.randint(0, popSize, [count]) as NDArray);
      const cdf = cdfOf(p);
      return draws(count).map((u) => searchRight(cdf, u));
    }
    if (count > popSize) {
      throw new ValueError(
        "choice: Cannot take a larger sample than population when 'replace=False'",
      );
    }
    if (!p) return ints(this.permutation(popSize)).slice(0, count);
    if (p.filter((v) => v > 0).length < count) {
      throw new ValueError('choice: Fewer non-zero entries in p than size');
    }
    // Draw, drop repeats (keeping first occurrences, in draw order), zero what was found, again.
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
}
