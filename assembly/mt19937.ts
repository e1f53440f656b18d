// NumPy's legacy generator, RandomState: MT19937 seeded by an integer as mt19937_seed does, and
// the draws of numpy/random/src (mt19937.h, distributions.c, legacy-distributions.c) written
// anew: doubles from two 32-bit words, the polar normal that keeps its second value, masked
// rejection for bounded integers and for the Fisher-Yates shuffle. The state is a block of
// linear memory that TypeScript allocates (STATE_BYTES): the 624 words, the position, and the
// cached normal; each fill kernel writes a whole output array in one call.

const N = 624;
const M = 397;
const MATRIX_A: u32 = 0x9908b0df;
const UPPER_MASK: u32 = 0x80000000;
const LOWER_MASK: u32 = 0x7fffffff;

// The state block's layout (bytes).
const POS = N * 4; // i32: the next word to use
const HAS_GAUSS = POS + 4; // i32: 1 when GAUSS holds the polar method's second value
const GAUSS = POS + 8; // f64

/** Bytes of a state block. */
export function mt19937_stateBytes(): i32 {
  return GAUSS + 8;
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

/** mt19937_gen: the next 624 words, in place. */
function generate(state: usize): void {
  let i = 0;
  for (; i < N - M; i++) {
    const y = (load<u32>(state + (<usize>i << 2)) & UPPER_MASK) | (load<u32>(state + (<usize>(i + 1) << 2)) & LOWER_MASK);
    store<u32>(state + (<usize>i << 2), load<u32>(state + (<usize>(i + M) << 2)) ^ (y >> 1) ^ (-(y & 1) & MATRIX_A));
  }
  for (; i < N - 1; i++) {
    const y = (load<u32>(state + (<usize>i << 2)) & UPPER_MASK) | (load<u32>(state + (<usize>(i + 1) << 2)) & LOWER_MASK);
    store<u32>(state + (<usize>i << 2), load<u32>(state + (<usize>(i + M - N) << 2)) ^ (y >> 1) ^ (-(y & 1) & MATRIX_A));
  }
  const y = (load<u32>(state + (<usize>(N - 1) << 2)) & UPPER_MASK) | (load<u32>(state) & LOWER_MASK);
  store<u32>(state + (<usize>(N - 1) << 2), load<u32>(state + (<usize>(M - 1) << 2)) ^ (y >> 1) ^ (-(y & 1) & MATRIX_A));
  store<i32>(state + POS, 0);
}

/** mt19937_next: one tempered 32-bit word. */
// @ts-ignore: decorator
@inline
function next32(state: usize): u32 {
  let pos = load<i32>(state + POS);
  if (pos == N) {
    generate(state);
    pos = 0;
  }
  let y = load<u32>(state + (<usize>pos << 2));
  store<i32>(state + POS, pos + 1);
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

/** mt19937_next_double: 53 random bits from two words, in [0, 1). */
// @ts-ignore: decorator
@inline
function nextDouble(state: usize): f64 {
  const a = next32(state) >> 5;
  const b = next32(state) >> 6;
  return (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
}

/** legacy_gauss: Marsaglia's polar method; the second value waits in the state for the next call. */
function gauss(state: usize): f64 {
  if (load<i32>(state + HAS_GAUSS)) {
    store<i32>(state + HAS_GAUSS, 0);
    const kept = load<f64>(state + GAUSS);
    store<f64>(state + GAUSS, 0);
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
  store<f64>(state + GAUSS, f * x1);
  store<i32>(state + HAS_GAUSS, 1);
  return f * x2;
}

/** The smallest mask of all ones that covers max. */
// @ts-ignore: decorator
@inline
function maskOf(max: u32): u32 {
  let mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  return mask;
}

/** random_interval for max < 2**32: masked rejection, as shuffle and permutation draw. */
// @ts-ignore: decorator
@inline
function interval(state: usize, max: u32): u32 {
  if (max == 0) return 0;
  const mask = maskOf(max);
  let value: u32;
  do {
    value = next32(state) & mask;
  } while (value > max);
  return value;
}

/** n doubles in [0, 1) (random_sample, rand). */
export function mt19937_random(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextDouble(state));
}

/** n of low + range * u (uniform). */
export function mt19937_uniform(state: usize, out: usize, n: i32, low: f64, range: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), low + range * nextDouble(state));
}

/** n standard normals (randn, standard_normal). */
export function mt19937_gauss(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), gauss(state));
}

/** n of loc + scale * g (normal). */
export function mt19937_normal(state: usize, out: usize, n: i32, loc: f64, scale: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), loc + scale * gauss(state));
}

/**
 * n int32s in [low, low + rng] (randint): random_bounded_uint64_fill with masked rejection on
 * 32-bit words (rng < 2**32, as every int32 range is).
 */
export function mt19937_bounded(state: usize, out: usize, n: i32, low: i32, rng: u32): void {
  const mask = maskOf(rng);
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
}

/**
 * The permutation that RandomState.shuffle applies to n items: arange(n) shuffled by the same
 * Fisher-Yates swaps (i from n - 1 down to 1, j = random_interval(i)), into int32s at out.
 */
export function mt19937_shuffle(state: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), i);
  for (let i = n - 1; i >= 1; i--) {
    const j = <i32>interval(state, <u32>i);
    const pi = out + (<usize>i << 2);
    const pj = out + (<usize>j << 2);
    const t = load<i32>(pi);
    store<i32>(pi, load<i32>(pj));
    store<i32>(pj, t);
  }
}
