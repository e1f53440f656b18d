// NumPy's legacy random API, number for number: RandomState over MT19937 (assembly/mt19937.ts)
// and its distributions as numpy/random/mtrand.pyx draws them.
import { ValueError, checkBoolean, checkOptions, describe, namingCaller } from '../errors.js';
import { namedKernel } from '../kernels.js';
import type { ArrayInput, NDArray } from '../ndarray.js';
import { type Dims, type Size, checkInteger, checkReal } from './sizes.js';
import { type ChoiceWords, Stream, choiceWeighted, choose, probabilities } from './stream.js';

// The words, the position, the cached-normal flag, the normal, and the words tempered.
const STATE_BYTES = 624 * 4 + 16 + 624 * 4;

const WORDS: ChoiceWords = {
  pDims: "'p' must be 1-dimensional",
  pSize: "'a' and 'p' must have same size",
  nan: 'probabilities contain NaN',
  negative: 'probabilities are not non-negative',
  sum: 'probabilities do not sum to 1',
  notInteger: 'a must be 1-dimensional or an integer',
  emptyInteger: 'a must be greater than 0 unless no samples are taken',
  emptyArray: "'a' cannot be empty unless no samples are taken",
  larger: "Cannot take a larger sample than population when 'replace=False'",
};

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

export interface ChoiceOptions {
  replace?: boolean;
  p?: ArrayInput | null;
}

/** NumPy's RandomState: the legacy MT19937 generator and its distributions. */
export class RandomState extends Stream {
  /** new np.random.RandomState(seed): seeded as NumPy seeds an integer (omitted: from entropy). */
  constructor(seed?: number | null) {
    super(STATE_BYTES, 'mt19937');
    this.seed(seed);
  }

  /** Reseeds the generator (NumPy's RandomState.seed). */
  seed(seed?: number | null): void {
    const value =
      seed === undefined || seed === null
        ? globalThis.crypto.getRandomValues(new Uint32Array(1))[0]
        : checkSeed('seed', seed);
    this.run((state) => namedKernel('mt19937_seed')(state, value));
  }

  /** Uniform doubles in [0, 1) (random_sample). */
  random(size?: null): number;
  random(size: Dims): NDArray;
  random(size?: Size): NDArray | number {
    return this.fill('random', 'random', size, 'float64');
  }

  /** Alias of random, as NumPy's random_sample. */
  randomSample(size?: null): number;
  randomSample(size: Dims): NDArray;
  randomSample(size?: Size): NDArray | number {
    return this.fill('randomSample', 'random', size, 'float64');
  }

  /** rand(d0, d1, ...): uniform doubles in [0, 1) of those dims (a JS number without any). */
  rand(): number;
  rand(...dims: number[]): NDArray;
  rand(...dims: number[]): NDArray | number {
    return this.fill('rand', 'random', dims.length ? dims : undefined, 'float64');
  }

  /** randn(d0, d1, ...): standard normals of those dims (a JS number without any). */
  randn(): number;
  randn(...dims: number[]): NDArray;
  randn(...dims: number[]): NDArray | number {
    return this.fill('randn', 'gauss', dims.length ? dims : undefined, 'float64');
  }

  /** Standard normals (NumPy's polar method, the second value kept for the next draw). */
  standardNormal(size?: null): number;
  standardNormal(size: Dims): NDArray;
  standardNormal(size?: Size): NDArray | number {
    return this.fill('standardNormal', 'gauss', size, 'float64');
  }

  /** uniform(low = 0, high = 1, size?): low + (high - low) * u. */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: Dims): NDArray;
  uniform(low = 0, high = 1, size?: Size): NDArray | number {
    const range = checkReal('uniform', 'high', high) - checkReal('uniform', 'low', low);
    if (!Number.isFinite(range)) throw new RangeError('uniform: Range exceeds valid bounds');
    return this.fill('uniform', 'uniform', size, 'float64', low, range);
  }

  /** normal(loc = 0, scale = 1, size?): loc + scale * a standard normal. */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number, scale: number, size: Dims): NDArray;
  normal(loc = 0, scale = 1, size?: Size): NDArray | number {
    checkReal('normal', 'loc', loc);
    if (checkReal('normal', 'scale', scale) < 0) throw new ValueError('normal: scale < 0');
    return this.fill('normal', 'normal', size, 'float64', loc, scale);
  }

  /**
   * randint(low, high?, size?): integers in [low, high) (in [0, low) without high), drawn as
   * RandomState draws them (masked rejection on 32-bit words); int32 here (NumPy: int64).
   */
  randint(low: number, high?: number | null, size?: null): number;
  randint(low: number, high: number | null, size: Dims): NDArray;
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
    return this.fill('randint', 'bounded', size, 'int32', low, high - low - 1);
  }

  /**
   * choice(a, size?, {replace = true, p}): samples from arange(a) or from the 1-D array a, as
   * RandomState.choice draws them (randint with replacement, permutation without; with p, the
   * cdf searched with uniform draws).
   */
  choice(a: number | ArrayInput, size?: Size, options?: ChoiceOptions): NDArray | number {
    const { replace = true, p = null } = checkOptions('choice', options, ['replace', 'p']);
    checkBoolean('choice', 'replace', replace);
    // Its draws are randint's and permutation's: their errors name choice too.
    return namingCaller('choice', () =>
      choose(a, size, WORDS, (popSize, count) => {
        const weights = p === null ? undefined : probabilities(p, popSize, WORDS);
        if (replace) {
          if (weights) return this.weightedDraws(count, weights);
          if (count === 0) return [];
          const drawn = this.randint(0, popSize, [count]);
          try {
            return Array.from(drawn.data);
          } finally {
            drawn.dispose();
          }
        }
        if (count > popSize) throw new ValueError(`choice: ${WORDS.larger}`);
        if (weights) return choiceWeighted(count, weights, (n) => this.uniforms(n));
        const order = this.permutation(popSize);
        try {
          return Array.from(order.data).slice(0, count);
        } finally {
          order.dispose();
        }
      }),
    );
  }
}
