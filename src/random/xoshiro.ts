// np.random.defaultRng: a small, seeded, documented generator (not NumPy's PCG64 stream).
//
// The bits come from xoshiro128** (Blackman & Vigna), whose 128-bit state is seeded from the
// integer seed by splitmix32. Doubles take 53 random bits: (a >>> 5) * 2^26 + (b >>> 6), over
// 2^53, as in NumPy's random_standard_uniform. Normals use Marsaglia's polar method. The same
// seed gives the same numbers in every runtime; they are not the numbers NumPy draws.
import { checkOptions, describe } from '../errors.js';
import { NDArray, castValue, heapOf } from '../ndarray.js';
import { checkShape } from '../shape.js';
import { type DType, checkDType } from '../dtype.js';

function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface RandomOptions {
  dtype?: DType;
}

/** A seeded generator: rng.random(shape), rng.standardNormal(shape), rng.uniform(lo, hi, shape). */
export class Generator {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  #spareNormal: number | undefined;

  constructor(seed?: number) {
    if (seed === undefined) seed = Math.floor(Math.random() * 2 ** 32);
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) {
      throw new TypeError(`defaultRng: seed must be a non-negative integer, got ${describe(seed)}`);
    }
    // Fold seeds above 2^32 into the 32-bit mixer so that every integer seed counts.
    const next = splitmix32((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
    this.#s0 = next();
    this.#s1 = next();
    this.#s2 = next();
    this.#s3 = next();
  }

  /** One 32-bit unsigned random integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#s1, 5), 7), 9) >>> 0;
    const t = this.#s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** One double, uniform in [0, 1), with 53 random bits. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** One standard normal draw (Marsaglia's polar method). */
  nextNormal(): number {
    if (this.#spareNormal !== undefined) {
      const spare = this.#spareNormal;
      this.#spareNormal = undefined;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.nextDouble() - 1;
      v = 2 * this.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spareNormal = v * factor;
    return u * factor;
  }

  #fill(
    fn: string,
    shape: unknown,
    options: RandomOptions | undefined,
    draw: () => number,
  ): NDArray | number {
    const { dtype = 'float64' } = checkOptions(fn, options, ['dtype']);
    const target = checkDType(fn, dtype);
    if (target !== 'float64' && target !== 'float32') {
      throw new TypeError(`${fn}: Unsupported dtype ${describe(target)} for ${fn}`);
    }
    if (shape === undefined || shape === null) return draw();
    const out = NDArray.empty(checkShape(fn, shape), target, fn);
    const dest = heapOf(target);
    for (let i = 0; i < out.size; i++) dest[out.offset + i] = castValue(draw(), target);
    return out;
  }

  /** Uniform floats in [0, 1); a JS number when no shape is given. */
  random(): number;
  random(shape: number | readonly number[], options?: RandomOptions): NDArray;
  random(shape?: number | readonly number[], options?: RandomOptions): NDArray | number {
    return this.#fill('random', shape, options, () => this.nextDouble());
  }

  /** Standard normal floats; a JS number when no shape is given. */
  standardNormal(): number;
  standardNormal(shape: number | readonly number[], options?: RandomOptions): NDArray;
  standardNormal(shape?: number | readonly number[], options?: RandomOptions): NDArray | number {
    return this.#fill('standardNormal', shape, options, () => this.nextNormal());
  }

  /** Uniform floats in [low, high); a JS number when no shape is given. */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, shape: number | readonly number[]): NDArray;
  uniform(low = 0, high = 1, shape?: number | readonly number[]): NDArray | number {
    for (const [name, value] of [
      ['low', low],
      ['high', high],
    ] as const) {
      if (typeof value !== 'number') {
        throw new TypeError(`uniform: ${name} must be a number, got ${describe(value)}`);
      }
    }
    return this.#fill('uniform', shape, undefined, () => low + (high - low) * this.nextDouble());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** np.random.defaultRng(seed): a new seeded Generator. */
export function defaultRng(seed?: number): Generator {
  return new Generator(seed);
}
