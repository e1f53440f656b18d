// NumPy's Generator: PCG64 (128-bit LCG state, XSL-RR output; numpy/random/src/pcg64) and the
// draws of numpy/random/src/distributions/distributions.c written anew: 53-bit doubles, 24-bit
// floats, Lemire's bounded integers on 32-bit words (which PCG64 hands out as halves of a
// 64-bit output, the second kept for the next call), NumPy's 256-layer ziggurat for normals,
// and the masked rejection that shuffle draws with. The state is a block that TypeScript copies
// in before the call and out after (and seeds, in src/random/generator.ts): the state and the
// increment (high and low words), and the buffered 32-bit half.
import { FI_DOUBLE, FI_FLOAT, KI_DOUBLE, KI_FLOAT, NOR_INV_R, NOR_INV_R_F, NOR_R, NOR_R_F, WI_DOUBLE, WI_FLOAT } from './ziggurat';
import { maskCovering, swapInts } from './common';

const STATE_HI = 0;
const STATE_LO = 8;
const INC_HI = 16;
const INC_LO = 24;
const HAS_UINT32 = 32;
const UINTEGER = 36;

// PCG_DEFAULT_MULTIPLIER_128, 0x2360ed051fc65da44385df649fccf645.
const MULT_HI: u64 = 2549297995355413924;
const MULT_LO: u64 = 4865540595714422341;

/** The high 64 bits of a * b. */
// @ts-ignore: decorator
@inline
function mulhi(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const w0 = a0 * b0;
  const t = a1 * b0 + (w0 >> 32);
  const w1 = (t & 0xffffffff) + a0 * b1;
  return a1 * b1 + (t >> 32) + (w1 >> 32);
}

// The state lives in globals while a kernel runs (load() at entry, save() at exit): globals do
// not alias the output in linear memory, so the compiled loop keeps them out of its stores.
let stateHi: u64 = 0;
let stateLo: u64 = 0;
let incHi: u64 = 0;
let incLo: u64 = 0;
let hasUint32: i32 = 0;
let uinteger: u32 = 0;

// @ts-ignore: decorator
@inline
function enter(s: usize): void {
  stateHi = load<u64>(s + STATE_HI);
  stateLo = load<u64>(s + STATE_LO);
  incHi = load<u64>(s + INC_HI);
  incLo = load<u64>(s + INC_LO);
  hasUint32 = load<i32>(s + HAS_UINT32);
  uinteger = load<u32>(s + UINTEGER);
}

// @ts-ignore: decorator
@inline
function leave(s: usize): void {
  store<u64>(s + STATE_HI, stateHi);
  store<u64>(s + STATE_LO, stateLo);
  store<i32>(s + HAS_UINT32, hasUint32);
  store<u32>(s + UINTEGER, uinteger);
}

/** state = state * MULT + inc (mod 2**128). */
// @ts-ignore: decorator
@inline
function step(): void {
  const hi = stateHi;
  const lo = stateLo;
  const productHi = mulhi(lo, MULT_LO) + lo * MULT_HI + hi * MULT_LO;
  const productLo = lo * MULT_LO;
  const newLo = productLo + incLo;
  stateLo = newLo;
  stateHi = productHi + incHi + (newLo < productLo ? 1 : 0);
}

/** pcg64_next64: step, then the XSL-RR output of the new state. */
// @ts-ignore: decorator
@inline
function next64(s: usize): u64 {
  step();
  const hi = stateHi;
  return rotr<u64>(hi ^ stateLo, hi >> 58);
}

/** pcg64_next32: the low half of a 64-bit output, its high half kept for the next call. */
// @ts-ignore: decorator
@inline
function next32(s: usize): u32 {
  if (hasUint32) {
    hasUint32 = 0;
    return uinteger;
  }
  const next = next64(s);
  hasUint32 = 1;
  uinteger = <u32>(next >> 32);
  return <u32>next;
}

// @ts-ignore: decorator
@inline
function nextDouble(s: usize): f64 {
  // The 53 bits are below 2**63: the signed conversion (one instruction) gives the same value.
  return <f64><i64>(next64(s) >> 11) * (1.0 / 9007199254740992.0);
}

// @ts-ignore: decorator
@inline
function nextFloat(s: usize): f32 {
  return <f32>(next32(s) >> 8) * (<f32>1.0 / <f32>16777216.0);
}

/** random_standard_normal: NumPy's ziggurat, the tail by Marsaglia's method. */
function gaussZig(s: usize): f64 {
  for (;;) {
    let r = next64(s);
    const idx = <usize>(r & 0xff);
    r >>= 8;
    const sign = r & 1;
    const rabs = (r >> 1) & 0x000fffffffffffff;
    let x = <f64><i64>rabs * reinterpret<f64>(load<u64>(WI_DOUBLE + (idx << 3)));
    if (sign) x = -x;
    if (rabs < load<u64>(KI_DOUBLE + (idx << 3))) return x;
    if (idx == 0) {
      for (;;) {
        const xx = -NOR_INV_R * Math.log1p(-nextDouble(s));
        const yy = -Math.log1p(-nextDouble(s));
        if (yy + yy > xx * xx) return (rabs >> 8) & 1 ? -(NOR_R + xx) : NOR_R + xx;
      }
    }
    const fHigh = reinterpret<f64>(load<u64>(FI_DOUBLE + ((idx - 1) << 3)));
    const fLow = reinterpret<f64>(load<u64>(FI_DOUBLE + (idx << 3)));
    if ((fHigh - fLow) * nextDouble(s) + fLow < Math.exp(-0.5 * x * x)) return x;
  }
  return unreachable();
}

/** random_standard_normal_f: the float32 ziggurat on 32-bit words. */
function gaussZigF(s: usize): f32 {
  for (;;) {
    const r = next32(s);
    const idx = <usize>(r & 0xff);
    const sign = (r >> 8) & 1;
    const rabs = (r >> 9) & 0x007fffff;
    let x = <f32>rabs * reinterpret<f32>(load<u32>(WI_FLOAT + (idx << 2)));
    if (sign) x = -x;
    if (rabs < load<u32>(KI_FLOAT + (idx << 2))) return x;
    if (idx == 0) {
      for (;;) {
        const xx = -NOR_INV_R_F * Mathf.log1p(-nextFloat(s));
        const yy = -Mathf.log1p(-nextFloat(s));
        if (yy + yy > xx * xx) return (rabs >> 8) & 1 ? -(NOR_R_F + xx) : NOR_R_F + xx;
      }
    }
    const fHigh = reinterpret<f32>(load<u32>(FI_FLOAT + ((idx - 1) << 2)));
    const fLow = reinterpret<f32>(load<u32>(FI_FLOAT + (idx << 2)));
    // C: the float left side against exp of a double (the literal -0.5 makes it double).
    if (<f64>((fHigh - fLow) * nextFloat(s) + fLow) < Math.exp(-0.5 * <f64>x * <f64>x)) return x;
  }
  return unreachable();
}

/** buffered_bounded_lemire_uint32: a uniform integer in [0, rng] (rng < 2**32 - 1). */
// @ts-ignore: decorator
@inline
function lemire32(s: usize, rng: u32): u32 {
  const excl: u64 = <u64>rng + 1;
  let m: u64 = <u64>next32(s) * excl;
  let leftover = <u32>m;
  if (<u64>leftover < excl) {
    const threshold = <u32>((<u64>0xffffffff - <u64>rng) % excl);
    while (leftover < threshold) {
      m = <u64>next32(s) * excl;
      leftover = <u32>m;
    }
  }
  return <u32>(m >> 32);
}

/** random_bounded_uint64 for rng < 2**32 without masking: Lemire, or the word itself. */
// @ts-ignore: decorator
@inline
function bounded(s: usize, rng: u32): u32 {
  if (rng == 0) return 0;
  if (rng == 0xffffffff) return next32(s);
  return lemire32(s, rng);
}

/** random_interval for max < 2**32: masked rejection on 32-bit words (shuffle's draws). */
// @ts-ignore: decorator
@inline
function interval(s: usize, max: u32): u32 {
  if (max == 0) return 0;
  const mask = maskCovering(max);
  let value: u32;
  do {
    value = next32(s) & mask;
  } while (value > max);
  return value;
}

/** n doubles in [0, 1). */
export function pcg64_random(s: usize, out: usize, n: i32): void {
  enter(s);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextDouble(s));
  leave(s);
}

/** n floats in [0, 1) (24 random bits; never 1.0). */
export function pcg64_random_f32(s: usize, out: usize, n: i32): void {
  enter(s);
  for (let i = 0; i < n; i++) store<f32>(out + (<usize>i << 2), nextFloat(s));
  leave(s);
}

/** n of low + range * u. */
export function pcg64_uniform(s: usize, out: usize, n: i32, low: f64, range: f64): void {
  enter(s);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), low + range * nextDouble(s));
  leave(s);
}

/** n standard normals. */
export function pcg64_gauss(s: usize, out: usize, n: i32): void {
  enter(s);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), gaussZig(s));
  leave(s);
}

/** n float32 standard normals. */
export function pcg64_gauss_f32(s: usize, out: usize, n: i32): void {
  enter(s);
  for (let i = 0; i < n; i++) store<f32>(out + (<usize>i << 2), gaussZigF(s));
  leave(s);
}

/** n of loc + scale * a standard normal (random_normal). */
export function pcg64_normal(s: usize, out: usize, n: i32, loc: f64, scale: f64): void {
  enter(s);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), loc + scale * gaussZig(s));
  leave(s);
}

/** n int32s in [low, low + rng] (integers: Lemire on 32-bit words). */
export function pcg64_bounded(s: usize, out: usize, n: i32, low: i32, rng: u32): void {
  enter(s);
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), low + <i32>bounded(s, rng));
  leave(s);
}

/** The permutation Generator.shuffle applies to n items (masked rejection, as random_interval). */
export function pcg64_shuffle(s: usize, out: usize, n: i32): void {
  enter(s);
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), i);
  for (let i = n - 1; i >= 1; i--) {
    const j = <i32>interval(s, <u32>i);
    swapInts(out, i, j);
  }
  leave(s);
}

/**
 * Generator.choice without replacement and without p, for pop_size <= 10000 or few samples:
 * Floyd's algorithm over a hash set of `setSize` (a power of two) int64 slots at `set`, then
 * (unless shuffle is 0) the samples shuffled by _shuffle_int (Lemire draws), into int32s at out.
 */
export function pcg64_floyd(s: usize, out: usize, popSize: i32, size: i32, set: usize, setSize: i32, shuffle: i32): void {
  enter(s);
  const mask = <u32>(setSize - 1);
  const EMPTY: i64 = -1;
  for (let k = 0; k < setSize; k++) store<i64>(set + (<usize>k << 3), EMPTY);
  for (let j = popSize - size; j < popSize; j++) {
    const value = <i64>bounded(s, <u32>j);
    let loc = <u32>value & mask;
    while (load<i64>(set + (<usize>loc << 3)) != EMPTY && load<i64>(set + (<usize>loc << 3)) != value) loc = (loc + 1) & mask;
    if (load<i64>(set + (<usize>loc << 3)) == EMPTY) {
      store<i64>(set + (<usize>loc << 3), value);
      store<i32>(out + (<usize>(j - popSize + size) << 2), <i32>value);
    } else {
      loc = <u32>j & mask;
      while (load<i64>(set + (<usize>loc << 3)) != EMPTY) loc = (loc + 1) & mask;
      store<i64>(set + (<usize>loc << 3), <i64>j);
      store<i32>(out + (<usize>(j - popSize + size) << 2), j);
    }
  }
  if (shuffle) shuffleInts(s, out, size, 1);
  leave(s);
}

/** _shuffle_int: positions n - 1 down to `first` swapped with a Lemire-drawn one below. */
function shuffleInts(s: usize, data: usize, n: i32, first: i32): void {
  for (let i = n - 1; i >= first; i--) {
    const j = <i32>bounded(s, <u32>i);
    swapInts(data, i, j);
  }
}

/** Generator.choice's tail shuffle (pop_size > 10000, many samples): arange shuffled from the end. */
export function pcg64_tail_shuffle(s: usize, data: usize, popSize: i32, first: i32): void {
  enter(s);
  for (let i = 0; i < popSize; i++) store<i32>(data + (<usize>i << 2), i);
  shuffleInts(s, data, popSize, first);
  leave(s);
}
