// Row maps built on the exp cores (float64 and float32): e^x, e^(x - shift) (softmax's
// numerator) and e^-|x| (the sigmoid's). One loop serves them all, so that exp's constants sit
// in locals (registers) for the whole row and each mode fuses its argument's step into it.
//
// A block of 8 doubles or 16 floats takes one range test; a block with any argument beyond the
// fast range (or a NaN) goes element by element through mapScalar, which gives the same result
// as the vector path for every in-range element (see exp64), so no result depends on its position.
import { exp64, expConstants, expFastV } from './exp';
import { expf32, expf32Constants, expf32V } from './expf32';
import { TAIL_BLOCK_AT, scratch } from './scratch';

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
 * Maps the first n - n % 8 doubles (or n - n % 16 floats) of a contiguous row at x into out
 * (which may be x) and returns how many it did; mapWholeRow finishes the row. Blocks with an
 * argument out of the fast range go through mapScalar, out of the vector loop: a call inside it
 * would make V8 keep exp's constants on the stack and reload them on every iteration (measured:
 * 5% of exp's time, 8% of softmax's).
 */
// @ts-ignore: decorator
@inline
function mapRow<T>(mode: i32, n: i32, x: usize, out: usize, shift: T): i32 {
  const w = <i32>sizeof<T>();
  const block = 64 / w;
  let i = 0;
  while (true) {
    i = mapFastBlocks<T>(mode, i, n, x, out, shift);
    if (i + block > n) return i;
    const p = <usize>(i * w);
    for (let j = 0; j < 64; j += w) store<T>(out + p + j, mapScalar<T>(mode, load<T>(x + p + j), shift));
    i += block;
  }
  unreachable();
  return 0;
}

/**
 * mapRow's vector loop, from element i: 8 doubles or 16 floats per block and one range test per
 * block. Returns where it stopped: at the first block out of the fast range, or after the row's
 * last whole block.
 */
// @ts-ignore: decorator
@inline
function mapFastBlocks<T>(mode: i32, i: i32, n: i32, x: usize, out: usize, shift: T): i32 {
  const wide = sizeof<T>() == 8;
  const block = 64 / <i32>sizeof<T>();
  const k = wide ? expConstants() : expf32Constants();
  const scale = k.scale;
  const shifter = k.shifter;
  const negLn2Hi = k.negLn2Hi;
  const negLn2Lo = k.negLn2Lo;
  const c2 = k.c2;
  const c3 = k.c3;
  const c4 = k.c4;
  const c5 = k.c5;
  const c6 = k.c6;
  const absMask = k.absMask;
  const limit = k.limit;
  const signBit = v128.not(absMask);
  const shiftV = wide ? f64x2.splat(<f64>shift) : f32x4.splat(<f32>shift);
  for (; i + block <= n; i += block) {
    const p = <usize>(i * <i32>sizeof<T>());
    // The exp arguments: x, x - shift, or -|x|.
    let a = v128.load(x + p);
    let b = v128.load(x + p, 16);
    let c = v128.load(x + p, 32);
    let d = v128.load(x + p, 48);
    if (mode == MAP_EXP_SHIFTED) {
      a = subV<T>(a, shiftV);
      b = subV<T>(b, shiftV);
      c = subV<T>(c, shiftV);
      d = subV<T>(d, shiftV);
    } else if (mode != MAP_EXP) {
      a = v128.or(a, signBit);
      b = v128.or(b, signBit);
      c = v128.or(c, signBit);
      d = v128.or(d, signBit);
    }
    const inAB = v128.and(inFastRange<T>(a, absMask, limit), inFastRange<T>(b, absMask, limit));
    const inCD = v128.and(inFastRange<T>(c, absMask, limit), inFastRange<T>(d, absMask, limit));
    const inRange = v128.and(inAB, inCD);
    if (wide ? i64x2.bitmask(inRange) != 3 : i32x4.bitmask(inRange) != 15) break;
    const ea = expCoreV<T>(a, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    const eb = expCoreV<T>(b, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    const ec = expCoreV<T>(c, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    const ed = expCoreV<T>(d, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
    v128.store(out + p, ea);
    v128.store(out + p, eb, 16);
    v128.store(out + p, ec, 32);
    v128.store(out + p, ed, 48);
  }
  return i;
}

// @ts-ignore: decorator
@inline
function subV<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 8 ? f64x2.sub(a, b) : f32x4.sub(a, b);
}

/** All-ones lanes where |v| <= limit (not for NaN). */
// @ts-ignore: decorator
@inline
function inFastRange<T>(v: v128, absMask: v128, limit: v128): v128 {
  const magnitude = v128.and(v, absMask);
  return sizeof<T>() == 8 ? f64x2.le(magnitude, limit) : f32x4.le(magnitude, limit);
}

/** The float64 or float32 exp core (c5 and c6 serve only the float32 one). */
// @ts-ignore: decorator
@inline
function expCoreV<T>(v: v128, scale: v128, shifter: v128, negLn2Hi: v128, negLn2Lo: v128, c2: v128, c3: v128, c4: v128, c5: v128, c6: v128): v128 {
  if (sizeof<T>() == 8) return expFastV(v, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4);
  return expf32V(v, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, c5, c6);
}

/**
 * The mode over a whole contiguous row: mapRow, then the last n % 8 doubles or n % 16 floats
 * through the same vector code from a block padded with copies of the row's last element (a
 * scalar exp per element costs more than a whole block). Results are those of mapScalar either
 * way.
 */
// @ts-ignore: decorator
@inline
export function mapWholeRow<T>(mode: i32, n: i32, x: usize, out: usize, shift: T): void {
  const w = sizeof<T>();
  const done = mapRow<T>(mode, n, x, out, shift);
  const rest = n - done;
  if (rest == 0) return;
  const block = 64 / <i32>w;
  // The last n % (a block) elements of the row, padded to a whole block.
  const tail = scratch(TAIL_BLOCK_AT);
  for (let j = 0; j < block; j++) store<T>(tail + <usize>j * w, load<T>(x + <usize>(done + min(j, rest - 1)) * w));
  mapRow<T>(mode, block, tail, tail, shift);
  for (let j = 0; j < rest; j++) store<T>(out + <usize>(done + j) * w, load<T>(tail + <usize>j * w));
}
