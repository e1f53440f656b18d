// np.random.defaultRng(seed): NumPy's Generator over PCG64 seeded through SeedSequence, with its
// distributions as numpy/random/_generator.pyx draws them (assembly/pcg64.ts for the draws).
import { type DTypeName, checkDType } from '../dtype.js';
import { ValueError, checkBoolean, checkOptions, describe, namingCaller } from '../errors.js';
import { namedKernel } from '../kernels.js';
import { type ArrayInput, NDArray } from '../ndarray.js';
import { type Dims, type Size, checkInteger, checkReal } from './sizes.js';
import { generateState } from './seed-sequence.js';
import { type ChoiceWords, Stream, choiceWeighted, choose, probabilities } from './stream.js';

// The state block: state (high, low), increment (high, low), the buffered-half flag and half.
const STATE_BYTES = 40;
const MULT = (2549297995355413924n << 64n) | 4865540595714422341n;
const MASK128 = (1n << 128n) - 1n;

const WORDS: ChoiceWords = {
  pDims: 'p must be 1-dimensional',
  pSize: 'a and p must have same size',
  nan: 'Probabilities contain NaN',
  negative: 'Probabilities are not non-negative',
  sum: 'Probabilities do not sum to 1. See Notes section of docstring for more information.',
  notInteger: "a must be a sequence or an integer, not <class 'numpy.ndarray'>",
  emptyInteger: 'a must be a positive integer unless no samples are taken',
  emptyArray: 'a cannot be empty unless no samples are taken',
  larger: 'Cannot take a larger sample than population when replace is False',
};

/** A Generator seed: a non-negative integer (a safe JS integer, or a BigInt of any size). */
function checkSeed(seed: unknown): bigint {
  if (typeof seed === 'bigint') {
    if (seed < 0n) throw new ValueError('defaultRng: expected non-negative integer');
    return seed;
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new TypeError(
      `defaultRng: seed must be a non-negative integer (a BigInt beyond 2**53), got ${describe(seed)}`,
    );
  }
  if (seed < 0) throw new ValueError('defaultRng: expected non-negative integer');
  return BigInt(seed);
}

export interface FloatOptions {
  dtype?: DTypeName;
}

export interface IntegersOptions {
  endpoint?: boolean;
}

export interface GeneratorChoiceOptions {
  replace?: boolean;
  p?: ArrayInput | null;
  shuffle?: boolean;
}

/** The dtype of random and standardNormal: float64 or float32. */
function floatDType(fn: string, options: FloatOptions | undefined): 'float64' | 'float32' {
  const { dtype = 'float64' } = checkOptions(fn, options, ['dtype']);
  const checked = checkDType(fn, dtype);
  if (checked !== 'float64' && checked !== 'float32') {
    throw new TypeError(`${fn}: Unsupported dtype ${describe(dtype)} (float64 or float32)`);
  }
  return checked;
}

/** NumPy's Generator (PCG64): rng = np.random.defaultRng(seed). */
export class Generator extends Stream {
  constructor(seed?: number | bigint | null) {
    super(STATE_BYTES, 'pcg64');
    const value =
      seed === undefined || seed === null
        ? BigInt(globalThis.crypto.getRandomValues(new Uint32Array(1))[0])
        : checkSeed(seed);
    // PCG64(SeedSequence(seed)): four 64-bit words, then pcg_setseq_128_srandom_r.
    const w = generateState(value, 8);
    const word = (k: number) => BigInt(w[2 * k]) | (BigInt(w[2 * k + 1]) << 32n);
    const initState = (word(0) << 64n) | word(1);
    const initSeq = (word(2) << 64n) | word(3);
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let state = inc; // 0 * MULT + inc
    state = (state + initState) & MASK128;
    state = (state * MULT + inc) & MASK128;
    const view = new DataView(this.state.buffer);
    view.setBigUint64(0, state >> 64n, true);
    view.setBigUint64(8, state & ((1n << 64n) - 1n), true);
    view.setBigUint64(16, inc >> 64n, true);
    view.setBigUint64(24, inc & ((1n << 64n) - 1n), true);
  }

  /** random(size?, {dtype}): uniform floats in [0, 1) (float32: 24 random bits, never 1.0). */
  random(size?: null, options?: FloatOptions): number;
  random(size: Dims, options?: FloatOptions): NDArray;
  random(size?: Size, options?: FloatOptions): NDArray | number {
    const dtype = floatDType('random', options);
    return this.fill('random', dtype === 'float32' ? 'random_f32' : 'random', size, dtype);
  }

  /** standardNormal(size?, {dtype}): NumPy's ziggurat normals. */
  standardNormal(size?: null, options?: FloatOptions): number;
  standardNormal(size: Dims, options?: FloatOptions): NDArray;
  standardNormal(size?: Size, options?: FloatOptions): NDArray | number {
    const dtype = floatDType('standardNormal', options);
    return this.fill('standardNormal', dtype === 'float32' ? 'gauss_f32' : 'gauss', size, dtype);
  }

  /** normal(loc = 0, scale = 1, size?): loc + scale * a standard normal. */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number, scale: number, size: Dims): NDArray;
  normal(loc = 0, scale = 1, size?: Size): NDArray | number {
    checkReal('normal', 'loc', loc);
    if (checkReal('normal', 'scale', scale) < 0) throw new ValueError('normal: scale < 0');
    return this.fill('normal', 'normal', size, 'float64', loc, scale);
  }

  /** uniform(low = 0, high = 1, size?): low + (high - low) * u. */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: Dims): NDArray;
  uniform(low = 0, high = 1, size?: Size): NDArray | number {
    const range = checkReal('uniform', 'high', high) - checkReal('uniform', 'low', low);
    if (!Number.isFinite(range)) throw new RangeError('uniform: Range exceeds valid bounds');
    return this.fill('uniform', 'uniform', size, 'float64', low, range);
  }

  /**
   * integers(low, high?, size?, {endpoint = false}): integers in [low, high) ([low, high] with
   * endpoint; [0, low) without high), drawn as NumPy's default int64 draws them (Lemire's method
   * on 32-bit words) and stored as int32.
   */
  integers(low: number, high?: number | null, size?: null, options?: IntegersOptions): number;
  integers(low: number, high: number | null, size: Dims, options?: IntegersOptions): NDArray;
  integers(
    low: number,
    high?: number | null,
    size?: Size,
    options?: IntegersOptions,
  ): NDArray | number {
    const { endpoint = false } = checkOptions('integers', options, ['endpoint']);
    checkBoolean('integers', 'endpoint', endpoint);
    checkInteger('integers', 'low', low);
    if (high === undefined || high === null) [low, high] = [0, low];
    else checkInteger('integers', 'high', high);
    const top = endpoint ? high : high - 1;
    if (low > top)
      throw new ValueError(endpoint ? 'integers: low > high' : 'integers: low >= high');
    if (low < -(2 ** 31)) throw new ValueError('integers: low is out of bounds for int32');
    if (top > 2 ** 31 - 1) throw new ValueError('integers: high is out of bounds for int32');
    return this.fill('integers', 'bounded', size, 'int32', low, top - low);
  }

  /**
   * choice(a, size?, {replace = true, p, shuffle = true}): samples as Generator.choice draws
   * them: integers with replacement; without, Floyd's algorithm (or a tail shuffle for large
   * populations), shuffled unless shuffle is false; with p, the cdf searched with uniform draws.
   */
  choice(a: number | ArrayInput, size?: Size, options?: GeneratorChoiceOptions): NDArray | number {
    const {
      replace = true,
      p = null,
      shuffle = true,
    } = checkOptions('choice', options, ['replace', 'p', 'shuffle']);
    checkBoolean('choice', 'replace', replace);
    checkBoolean('choice', 'shuffle', shuffle);
    return choose(a, size, WORDS, (popSize, count) => {
      const weights = p === null ? undefined : probabilities(p, popSize, WORDS);
      if (replace) {
        if (weights) return this.weightedDraws(count, weights);
        if (count === 0) return [];
        return this.ints(namingCaller('choice', () => this.integers(0, popSize, [count])));
      }
      if (count > popSize) throw new ValueError(`choice: ${WORDS.larger}`);
      if (weights) return choiceWeighted(count, weights, (n) => this.uniforms(n));
      return this.withoutReplacement(popSize, count, shuffle);
    });
  }

  /** The values of an int32 array as a JS array, the array disposed. */
  private ints(array: NDArray): number[] {
    try {
      return Array.from(array.data);
    } finally {
      array.dispose();
    }
  }

  /** Generator.choice without replacement or p: a tail shuffle or Floyd's algorithm. */
  private withoutReplacement(popSize: number, count: number, shuffle: boolean): number[] {
    const cutoff = shuffle ? 50 : 20;
    if (popSize > 10000 && count > Math.floor(popSize / cutoff)) {
      const all = NDArray.empty([popSize], 'int32', 'choice');
      this.run((state) =>
        namedKernel('pcg64_tail_shuffle')(
          state,
          all.offset * 4,
          popSize,
          Math.max(popSize - count, 1),
        ),
      );
      return this.ints(all).slice(popSize - count);
    }
    const out = NDArray.empty([count], 'int32', 'choice');
    // The hash set: the smallest power of two above 1.2 * count, of int64 slots.
    let mask = Math.floor(1.2 * count);
    for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift;
    const setSize = mask + 1;
    const set = NDArray.empty([2 * setSize], 'int32', 'choice');
    try {
      const args = [out.offset * 4, popSize, count, set.offset * 4, setSize, shuffle ? 1 : 0];
      this.run((state) => namedKernel('pcg64_floyd')(state, ...args));
    } finally {
      set.dispose();
    }
    return this.ints(out);
  }
}

/** np.random.default_rng(seed): a Generator over PCG64, seeded as NumPy's. */
export function defaultRng(seed?: number | bigint | null): Generator {
  return new Generator(seed);
}
