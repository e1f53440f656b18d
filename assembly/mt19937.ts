// NumPy's legacy generator, RandomState: MT19937 seeded by an integer as mt19937_seed does, and
// the draws of numpy/random/src (mt19937.h, distributions.c, legacy-distributions.c) written
// anew: doubles from two 32-bit words, the polar normal that keeps its second value, masked
// rejection for bounded integers and for the Fisher-Yates shuffle. The state is a block of
// linear memory (src/random/stream.ts places it): the 624 words, the position, the cached
// normal, and the block's words tempered; each fill kernel writes a whole output in one call.
import { maskCovering, swapInts } from './common';

const N = 624;
const M = 397;
const MATRIX_A: u32 = 0x9908b0df;
const UPPER_MASK: u32 = 0x80000000;
const LOWER_MASK: u32 = 0x7fffffff;

// The state block's layout (bytes).
const POS = N * 4; // i32: the next word to use
const HAS_GAUSS = POS + 4; // i32: 1 when GAUSS holds the polar method's second value
const GAUSS = POS + 8; // f64
const TEMPERED = GAUSS + 8; // u32[N]: the block's words tempered, made with the block

/** Bytes of a state block. */
export function mt19937_stateBytes(): i32 {
  return TEMPERED + N * 4;
}

/** mt19937_seed: Knuth's initialisation from one 32-bit seed (the reference init_genrand). */
export function mt19937_seed(state: usize, seed: u32): void {
  let s = seed;
  for (let pos = 0; pos < N; pos++) {
    store<u32>(state + (<usize>pos << 2), s);
    s = 1812433253 * (s ^ (s >> 30)) + <u32>(pos + 1);
  }
  store<i32>(state + POS, N);
  store<i32>(state + HAS_GAUSS, 0);
  store<f64>(state + GAUSS, 0);
}

/** One word of the twist: key[i] from key[i], key[i + 1] and key[k]. */
// @ts-ignore: decorator
@inline
function twist(state: usize, i: i32, k: i32): void {
  const y = (load<u32>(state + (<usize>i << 2)) & UPPER_MASK) | (load<u32>(state + (<usize>(i + 1) << 2)) & LOWER_MASK);
  store<u32>(state + (<usize>i << 2), load<u32>(state + (<usize>k << 2)) ^ (y >> 1) ^ (-(y & 1) & MATRIX_A));
}

/** Four words of the twist from i (every input either not yet updated, or updated before). */
// @ts-ignore: decorator
@inline
function twist4(state: usize, i: i32, k: i32): void {
  const a = v128.load(state + (<usize>i << 2));
  const b = v128.load(state + (<usize>(i + 1) << 2));
  const c = v128.load(state + (<usize>k << 2));
  const y = v128.or(v128.and(a, i32x4.splat(UPPER_MASK)), v128.and(b, i32x4.splat(LOWER_MASK)));
  const odd = i32x4.sub(i32x4.splat(0), v128.and(y, i32x4.splat(1)));
  v128.store(state + (<usize>i << 2), v128.xor(v128.xor(c, i32x4.shr_u(y, 1)), v128.and(odd, i32x4.splat(MATRIX_A))));
}

/** mt19937_gen: the next 624 words, in place (four at a time where SIMD is there). */
function generate(state: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) for (; i + 4 <= N - M; i += 4) twist4(state, i, i + M);
  for (; i < N - M; i++) twist(state, i, i + M);
  if (ASC_FEATURE_SIMD) for (; i + 4 < N; i += 4) twist4(state, i, i + M - N);
  for (; i < N - 1; i++) twist(state, i, i + M - N);
  const y = (load<u32>(state + (<usize>(N - 1) << 2)) & UPPER_MASK) | (load<u32>(state) & LOWER_MASK);
  store<u32>(state + (<usize>(N - 1) << 2), load<u32>(state + (<usize>(M - 1) << 2)) ^ (y >> 1) ^ (-(y & 1) & MATRIX_A));
  // The whole block tempered at once (N is a multiple of 4), so that a draw is one load.
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    for (; k < N; k += 4) {
      let v = v128.load(state + (<usize>k << 2));
      v = v128.xor(v, i32x4.shr_u(v, 11));
      v = v128.xor(v, v128.and(i32x4.shl(v, 7), i32x4.splat(0x9d2c5680)));
      v = v128.xor(v, v128.and(i32x4.shl(v, 15), i32x4.splat(0xefc60000)));
      v = v128.xor(v, i32x4.shr_u(v, 18));
      v128.store(state + TEMPERED + (<usize>k << 2), v);
    }
  }
  for (; k < N; k++) store<u32>(state + TEMPERED + (<usize>k << 2), temper(load<u32>(state + (<usize>k << 2))));
}

/** MT19937's tempering of one word. */
// @ts-ignore: decorator
@inline
function temper(word: u32): u32 {
  let y = word;
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

// The position and the cached normal live in globals while a kernel runs (enter at entry, leave
// at exit): globals do not alias the output, so the compiled loops keep them out of its stores.
let position: i32 = 0;
let hasGauss: i32 = 0;
let cachedGauss: f64 = 0;

// @ts-ignore: decorator
@inline
function enter(state: usize): void {
  position = load<i32>(state + POS);
  hasGauss = load<i32>(state + HAS_GAUSS);
  cachedGauss = load<f64>(state + GAUSS);
}

// @ts-ignore: decorator
@inline
function leave(state: usize): void {
  store<i32>(state + POS, position);
  store<i32>(state + HAS_GAUSS, hasGauss);
  store<f64>(state + GAUSS, cachedGauss);
}

/** mt19937_next: one tempered 32-bit word. */
// @ts-ignore: decorator
@inline
function next32(state: usize): u32 {
  if (position == N) {
    generate(state);
    position = 0;
  }
  const y = load<u32>(state + TEMPERED + (<usize>position << 2));
  position++;
  return y;
}

/** mt19937_next_double: 53 random bits from two words, in [0, 1). */
// @ts-ignore: decorator
@inline
function nextDouble(state: usize): f64 {
  const a = next32(state) >> 5;
  const b = next32(state) >> 6;
  // / 2**53 as a multiply by 2**-53: exact, the same bits, and cheaper.
  return (<f64>a * 67108864.0 + <f64>b) * (1.0 / 9007199254740992.0);
}

/** legacy_gauss: Marsaglia's polar method; the second value waits in the state for the next call. */
// @ts-ignore: decorator
@inline
function gauss(state: usize): f64 {
  if (hasGauss) {
    hasGauss = 0;
    const kept = cachedGauss;
    cachedGauss = 0;
    return kept;
  }
  let x1: f64, x2: f64, r2: f64;
  do {
    x1 = 2.0 * nextDouble(state) - 1.0;
    x2 = 2.0 * nextDouble(state) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  // Math.log is AssemblyScript's port of the ARM optimized-routines log, glibc's since 2.28.
  const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
  cachedGauss = f * x1;
  hasGauss = 1;
  return f * x2;
}

/** random_interval for max < 2**32: masked rejection, as shuffle and permutation draw. */
// @ts-ignore: decorator
@inline
function interval(state: usize, max: u32): u32 {
  if (max == 0) return 0;
  const mask = maskCovering(max);
  let value: u32;
  do {
    value = next32(state) & mask;
  } while (value > max);
  return value;
}

/** n doubles in [0, 1) (random_sample, rand). */
export function mt19937_random(state: usize, out: usize, n: i32): void {
  enter(state);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextDouble(state));
  leave(state);
}

/** n of low + range * u (uniform). */
export function mt19937_uniform(state: usize, out: usize, n: i32, low: f64, range: f64): void {
  enter(state);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), low + range * nextDouble(state));
  leave(state);
}

/** n standard normals (randn, standard_normal). */
export function mt19937_gauss(state: usize, out: usize, n: i32): void {
  enter(state);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), gauss(state));
  leave(state);
}

/** n of loc + scale * g (normal). */
export function mt19937_normal(state: usize, out: usize, n: i32, loc: f64, scale: f64): void {
  enter(state);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), loc + scale * gauss(state));
  leave(state);
}

/**
 * n int32s in [low, low + rng] (randint): random_bounded_uint64_fill with masked rejection on
 * 32-bit words (rng < 2**32, as every int32 range is).
 */
export function mt19937_bounded(state: usize, out: usize, n: i32, low: i32, rng: u32): void {
  enter(state);
  const mask = maskCovering(rng);
  for (let i = 0; i < n; i++) {
    let value: u32 = 0;
    if (rng == 0xffffffff) value = next32(state);
    else if (rng != 0) {
      do {
        value = next32(state) & mask;
      } while (value > rng);
    }
    store<i32>(out + (<usize>i << 2), low + <i32>value);
  }
  leave(state);
}

/**
 * The permutation that RandomState.shuffle applies to n items: arange(n) shuffled by the same
 * Fisher-Yates swaps (i from n - 1 down to 1, j = random_interval(i)), into int32s at out.
 */
export function mt19937_shuffle(state: usize, out: usize, n: i32): void {
  enter(state);
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), i);
  for (let i = n - 1; i >= 1; i--) {
    const j = <i32>interval(state, <u32>i);
    swapInts(out, i, j);
  }
  leave(state);
}
