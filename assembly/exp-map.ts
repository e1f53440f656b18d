// Row maps built on the exp cores (float64 and float32): e^x, e^(x - shift) (softmax's
// numerator), the sigmoid and its derivative. One loop serves them all, so that exp's constants
// sit in locals (registers) for the whole row and each mode fuses its pre- and post-steps into it.
//
// A block of 8 doubles or 16 floats takes one range test; a block with any argument beyond the
// fast range (or a NaN) goes element by element through mapScalar, which gives the same result
// as the vector path for every in-range element (see exp64), so no result depends on its position.
import { exp64, expConstants, expFastV } from './exp';
import { expf32, expf32Constants, expf32V } from './expf32';

export const MAP_EXP = 0;
export const MAP_EXP_SHIFTED = 1;
export const MAP_SIGMOID = 2;
export const MAP_SIGMOID_DERIVATIVE = 3;

/** The mode's function of one element (float64 or float32 arithmetic, as T). */
// @ts-ignore: decorator
@inline
export function mapScalar<T>(mode: i32, x: T, shift: T): T {
  if (mode == MAP_EXP) return exp<T>(x);
  if (mode == MAP_EXP_SHIFTED) return exp<T>(x - shift);
  // 1 / (1 + e^-x) without overflow: e = e^-|x|, then (x >= 0 ? 1 : e) / (1 + e).
  const e = exp<T>(-abs<T>(x));
  const s = (x >= 0 ? <T>1 : e) / (<T>1 + e);
  return mode == MAP_SIGMOID ? s : s * (<T>1 - s);
}

// @ts-ignore: decorator
@inline
function exp<T>(x: T): T {
  return sizeof<T>() == 8 ? <T>exp64(<f64>x) : <T>expf32(<f32>x);
}

/**
 * Maps the first n - n % 8 doubles of a contiguous row at x into out (which may be x) and
 * returns how many it did; the caller finishes the row with mapScalar.
 */
// @ts-ignore: decorator
@inline
export function mapRow64(mode: i32, n: i32, x: usize, out: usize, shift: f64): i32 {
  const k = expConstants();
  const invLn2N = k.invLn2N;
  const shifter = k.shifter;
  const negLn2NHi = k.negLn2NHi;
  const negLn2NLo = k.negLn2NLo;
  const c2 = k.c2;
  const c3 = k.c3;
  const c4 = k.c4;
  const absMask = k.absMask;
  const limit = k.limit;
  const signBit = v128.not(absMask);
  const shiftV = f64x2.splat(shift);
  const one = f64x2.splat(1.0);
  const zero = f64x2.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = <usize>i << 3;
    // The exp arguments: x, x - shift, or -|x| for the sigmoid.
    let a = v128.load(x + p);
    let b = v128.load(x + p, 16);
    let c = v128.load(x + p, 32);
    let d = v128.load(x + p, 48);
    if (mode == MAP_EXP_SHIFTED) {
      a = f64x2.sub(a, shiftV);
      b = f64x2.sub(b, shiftV);
      c = f64x2.sub(c, shiftV);
      d = f64x2.sub(d, shiftV);
    } else if (mode != MAP_EXP) {
      a = v128.or(a, signBit);
      b = v128.or(b, signBit);
      c = v128.or(c, signBit);
      d = v128.or(d, signBit);
    }
    const inAB = v128.and(f64x2.le(v128.and(a, absMask), limit), f64x2.le(v128.and(b, absMask), limit));
    const inCD = v128.and(f64x2.le(v128.and(c, absMask), limit), f64x2.le(v128.and(d, absMask), limit));
    if (i64x2.bitmask(v128.and(inAB, inCD)) != 3) {
      for (let j: usize = 0; j < 64; j += 8) store<f64>(out + p + j, mapScalar<f64>(mode, load<f64>(x + p + j), shift));
      continue;
    }
    const ea = expFastV(a, invLn2N, shifter, negLn2NHi, negLn2NLo, c2, c3, c4);
    const eb = expFastV(b, invLn2N, shifter, negLn2NHi, negLn2NLo, c2, c3, c4);
    const ec = expFastV(c, invLn2N, shifter, negLn2NHi, negLn2NLo, c2, c3, c4);
    const ed = expFastV(d, invLn2N, shifter, negLn2NHi, negLn2NLo, c2, c3, c4);
    // The sigmoid re-reads x for its sign (before the store: out may be x).
    v128.store(out + p, finish(mode, ea, x + p, one, zero));
    v128.store(out + p, finish(mode, eb, x + p + 16, one, zero), 16);
    v128.store(out + p, finish(mode, ec, x + p + 32, one, zero), 32);
    v128.store(out + p, finish(mode, ed, x + p + 48, one, zero), 48);
  }
  return i;
}

/** The mode's last step on e = exp(argument): nothing for exp, the sigmoid's quotient otherwise. */
// @ts-ignore: decorator
@inline
function finish(mode: i32, e: v128, x: usize, one: v128, zero: v128): v128 {
  if (mode == MAP_EXP || mode == MAP_EXP_SHIFTED) return e;
  // (x >= 0 ? 1 : e) as max(e, (x >= 0) AND 1.0): e <= 1, and two ops where a select takes three.
  const numerator = f64x2.pmax(e, v128.and(f64x2.ge(v128.load(x), zero), one));
  const s = f64x2.div(numerator, f64x2.add(one, e));
  return mode == MAP_SIGMOID ? s : f64x2.mul(s, f64x2.sub(one, s));
}

/** mapRow64 for float32: 16 floats per block, the float32 exp core. */
// @ts-ignore: decorator
@inline
export function mapRow32(mode: i32, n: i32, x: usize, out: usize, shift: f32): i32 {
  const k = expf32Constants();
  const log2e = k.log2e;
  const rounder = k.rounder;
  const negLn2Hi = k.negLn2Hi;
  const negLn2Lo = k.negLn2Lo;
  const c2 = k.c2;
  const c3 = k.c3;
  const c4 = k.c4;
  const c5 = k.c5;
  const c6 = k.c6;
  const limit = k.limit;
  const absMask = i32x4.splat(0x7fffffff);
  const signBit = v128.not(absMask);
  const shiftV = f32x4.splat(shift);
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const p = <usize>i << 2;
    let a = v128.load(x + p);
    let b = v128.load(x + p, 16);
    let c = v128.load(x + p, 32);
    let d = v128.load(x + p, 48);
    if (mode == MAP_EXP_SHIFTED) {
      a = f32x4.sub(a, shiftV);
      b = f32x4.sub(b, shiftV);
      c = f32x4.sub(c, shiftV);
      d = f32x4.sub(d, shiftV);
    } else if (mode != MAP_EXP) {
      a = v128.or(a, signBit);
      b = v128.or(b, signBit);
      c = v128.or(c, signBit);
      d = v128.or(d, signBit);
    }
    const inAB = v128.and(f32x4.le(v128.and(a, absMask), limit), f32x4.le(v128.and(b, absMask), limit));
    const inCD = v128.and(f32x4.le(v128.and(c, absMask), limit), f32x4.le(v128.and(d, absMask), limit));
    if (i32x4.bitmask(v128.and(inAB, inCD)) != 15) {
      for (let j: usize = 0; j < 64; j += 4) store<f32>(out + p + j, mapScalar<f32>(mode, load<f32>(x + p + j), shift));
      continue;
    }
    const ea = expf32V(a, log2e, rounder, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    const eb = expf32V(b, log2e, rounder, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    const ec = expf32V(c, log2e, rounder, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    const ed = expf32V(d, log2e, rounder, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    v128.store(out + p, finish32(mode, ea, x + p, one, zero));
    v128.store(out + p, finish32(mode, eb, x + p + 16, one, zero), 16);
    v128.store(out + p, finish32(mode, ec, x + p + 32, one, zero), 32);
    v128.store(out + p, finish32(mode, ed, x + p + 48, one, zero), 48);
  }
  return i;
}

/** finish for four floats. */
// @ts-ignore: decorator
@inline
function finish32(mode: i32, e: v128, x: usize, one: v128, zero: v128): v128 {
  if (mode == MAP_EXP || mode == MAP_EXP_SHIFTED) return e;
  const numerator = f32x4.pmax(e, v128.and(f32x4.ge(v128.load(x), zero), one));
  const s = f32x4.div(numerator, f32x4.add(one, e));
  return mode == MAP_SIGMOID ? s : f32x4.mul(s, f32x4.sub(one, s));
}
