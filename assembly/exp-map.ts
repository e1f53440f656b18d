// Row maps built on the exp cores (float64 and float32): e^x, e^(x - shift) (softmax's
// numerator) and e^-|x| (the sigmoid's). One loop serves them all, so that exp's constants sit
// in locals (registers) for the whole row and each mode fuses its argument's step into it.
//
// A block of 8 doubles or 16 floats takes one range test; a block with any argument beyond the
// fast range (or a NaN) goes element by element through mapScalar, which gives the same result
// as the vector path for every in-range element (see exp64), so no result depends on its position.
import { exp64, expConstants, expFastV } from './exp';
import { expf32, expf32Constants, expf32V } from './expf32';

export const MAP_EXP = 0;
export const MAP_EXP_SHIFTED = 1;
export const MAP_EXP_NEG_ABS = 2;

/** The mode's function of one element (float64 or float32 arithmetic, as T). */
// @ts-ignore: decorator
@inline
export function mapScalar<T>(mode: i32, x: T, shift: T): T {
  if (mode == MAP_EXP) return exp<T>(x);
  if (mode == MAP_EXP_SHIFTED) return exp<T>(x - shift);
  return exp<T>(-abs<T>(x));
}

// @ts-ignore: decorator
@inline
function exp<T>(x: T): T {
  return sizeof<T>() == 8 ? <T>exp64(<f64>x) : <T>expf32(<f32>x);
}

/**
 * Maps the first n - n % 8 doubles of a contiguous row at x into out (which may be x) and
 * returns how many it did; mapWholeRow finishes the row.
 */
// @ts-ignore: decorator
@inline
function mapRow64(mode: i32, n: i32, x: usize, out: usize, shift: f64): i32 {
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
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = <usize>i << 3;
    // The exp arguments: x, x - shift, or -|x|.
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
    v128.store(out + p, ea);
    v128.store(out + p, eb, 16);
    v128.store(out + p, ec, 32);
    v128.store(out + p, ed, 48);
  }
  return i;
}

/** mapRow64 for float32: 16 floats per block, the float32 exp core. */
// @ts-ignore: decorator
@inline
function mapRow32(mode: i32, n: i32, x: usize, out: usize, shift: f32): i32 {
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
    v128.store(out + p, ea);
    v128.store(out + p, eb, 16);
    v128.store(out + p, ec, 32);
    v128.store(out + p, ed, 48);
  }
  return i;
}

// The last n % (a block) elements of a row, padded to a whole block (see mapWholeRow).
const TAIL_BLOCK: usize = memory.data(64, 16);

/**
 * The mode over a whole contiguous row: mapRow64 or mapRow32, then the last n % 8 doubles or
 * n % 16 floats through the same vector code from a block padded with copies of the row's last
 * element (a scalar exp per element costs more than a whole block). Results are those of
 * mapScalar either way.
 */
// @ts-ignore: decorator
@inline
export function mapWholeRow<T>(mode: i32, n: i32, x: usize, out: usize, shift: T): void {
  const w = sizeof<T>();
  const done = w == 8 ? mapRow64(mode, n, x, out, <f64>shift) : mapRow32(mode, n, x, out, <f32>shift);
  const rest = n - done;
  if (rest == 0) return;
  const block = 64 / <i32>w;
  for (let j = 0; j < block; j++) store<T>(TAIL_BLOCK + <usize>j * w, load<T>(x + <usize>(done + min(j, rest - 1)) * w));
  if (w == 8) mapRow64(mode, block, TAIL_BLOCK, TAIL_BLOCK, <f64>shift);
  else mapRow32(mode, block, TAIL_BLOCK, TAIL_BLOCK, <f32>shift);
  for (let j = 0; j < rest; j++) store<T>(out + <usize>(done + j) * w, load<T>(TAIL_BLOCK + <usize>j * w));
}
