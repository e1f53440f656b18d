// The float64 tanh, scalar and v128 (float32 widens to it), on the exp core:
//   |x| < 0.625:  tanh(x) = x + x t P(t), t = x^2   (scripts/gen-tanh-poly.py, P of degree 10)
//   otherwise:    tanh(x) = 1 - 2 / (e^(2|x|) + 1), the sign of x put back
// The large path loses nothing to cancellation (1 - tanh(x) <= 0.45 there); beyond |x| = 20
// tanh(x) rounds to +-1, so the exp argument stops at 40, inside the core's fast range.
// Both paths, and the exp core under them, use plain multiplies and adds in the same order in
// every build (the relaxed-SIMD build too), and the SIMD builds' scalar tanh is lane 0 of the
// vector one: every build gives the same bits, wherever an element sits, so a training loop
// takes the same path in a browser as in Node.
import { exp64, expConstants, expFastV } from './exp';
import {
  TANH_P0, TANH_P1, TANH_P2, TANH_P3, TANH_P4, TANH_P5, TANH_P6, TANH_P7, TANH_P8, TANH_P9, TANH_P10,
  TANH_SMALL,
} from './tanh-poly';

/** Beyond this |x| tanh(x) rounds to +-1. */
const TANH_SATURATED: f64 = 20.0;

// P's coefficients (highest first) and the limits, as 16-byte splats, read by the vector path.
const TANH_CONSTS: usize = memory.data<f64>(
  [
    TANH_P10, TANH_P10, TANH_P9, TANH_P9, TANH_P8, TANH_P8, TANH_P7, TANH_P7,
    TANH_P6, TANH_P6, TANH_P5, TANH_P5, TANH_P4, TANH_P4, TANH_P3, TANH_P3,
    TANH_P2, TANH_P2, TANH_P1, TANH_P1, TANH_P0, TANH_P0,
    TANH_SMALL, TANH_SMALL, TANH_SATURATED, TANH_SATURATED,
  ],
  16,
);
const SMALL_AT = 11 * 16;
const SATURATED_AT = 12 * 16;

/** x + x t P(t), t = x^2, by Horner's rule from the highest coefficient. */
// @ts-ignore: decorator
@inline
function smallPath(ax: f64): f64 {
  const t = ax * ax;
  let p = TANH_P10;
  p = p * t + TANH_P9;
  p = p * t + TANH_P8;
  p = p * t + TANH_P7;
  p = p * t + TANH_P6;
  p = p * t + TANH_P5;
  p = p * t + TANH_P4;
  p = p * t + TANH_P3;
  p = p * t + TANH_P2;
  p = p * t + TANH_P1;
  p = p * t + TANH_P0;
  return ax + ax * (t * p);
}

/** tanh of each float64 lane (NaN stays NaN); the exp core's constants come from the caller. */
// @ts-ignore: decorator
@inline
function tanhV(x: v128, scale: v128, shifter: v128, negLn2Hi: v128, negLn2Lo: v128, c2: v128, c3: v128, c4: v128, absMask: v128): v128 {
  const one = f64x2.splat(1.0);
  const two = f64x2.splat(2.0);
  const ax = v128.and(x, absMask);
  const t = f64x2.mul(ax, ax);
  let p = v128.load(TANH_CONSTS);
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 16));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 32));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 48));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 64));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 80));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 96));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 112));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 128));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 144));
  p = f64x2.add(f64x2.mul(p, t), v128.load(TANH_CONSTS, 160));
  const small = f64x2.add(ax, f64x2.mul(ax, f64x2.mul(t, p)));
  const arg = f64x2.mul(two, f64x2.pmin(ax, v128.load(TANH_CONSTS, SATURATED_AT)));
  const e = expFastV(arg, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, false);
  const large = f64x2.sub(one, f64x2.div(two, f64x2.add(e, one)));
  const magnitude = v128.bitselect(small, large, f64x2.lt(ax, v128.load(TANH_CONSTS, SMALL_AT)));
  const signed = v128.or(magnitude, v128.andnot(x, absMask));
  return v128.bitselect(x, signed, f64x2.ne(x, x));
}

/** tanh(x) for every float64. */
export function tanh64(x: f64): f64 {
  if (ASC_FEATURE_SIMD) {
    const k = expConstants();
    const v = tanhV(f64x2.splat(x), k.scale, k.shifter, k.negLn2Hi, k.negLn2Lo, k.c2, k.c3, k.c4, k.absMask);
    return f64x2.extract_lane(v, 0);
  }
  if (x != x) return x;
  const ax = abs(x);
  const magnitude = ax < TANH_SMALL ? smallPath(ax) : 1.0 - 2.0 / (exp64(2.0 * min(ax, TANH_SATURATED)) + 1.0);
  return copysign(magnitude, x);
}

/** tanh over a contiguous row of n elements of T (float32 through float64), out may be x. */
// @ts-ignore: decorator
@inline
export function tanhRow<T>(n: i32, x: usize, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const k = expConstants();
    const scale = k.scale;
    const shifter = k.shifter;
    const negLn2Hi = k.negLn2Hi;
    const negLn2Lo = k.negLn2Lo;
    const c2 = k.c2;
    const c3 = k.c3;
    const c4 = k.c4;
    const absMask = k.absMask;
    // Four elements per step: two independent vectors keep the divider and the table loads busy.
    for (; i + 4 <= n; i += 4) {
      let a: v128, b: v128;
      if (sizeof<T>() == 8) {
        a = v128.load(x + (<usize>i << 3));
        b = v128.load(x + (<usize>i << 3), 16);
      } else {
        const v = v128.load(x + (<usize>i << 2));
        a = f64x2.promote_low_f32x4(v);
        b = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
      }
      const ta = tanhV(a, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, absMask);
      const tb = tanhV(b, scale, shifter, negLn2Hi, negLn2Lo, c2, c3, c4, absMask);
      if (sizeof<T>() == 8) {
        v128.store(out + (<usize>i << 3), ta);
        v128.store(out + (<usize>i << 3), tb, 16);
      } else {
        const ra = f32x4.demote_f64x2_zero(ta);
        const rb = f32x4.demote_f64x2_zero(tb);
        v128.store(out + (<usize>i << 2), i32x4.shuffle(ra, rb, 0, 1, 4, 5));
      }
    }
  }
  for (; i < n; i++) {
    const p = <usize>i * sizeof<T>();
    store<T>(out + p, <T>tanh64(<f64>load<T>(x + p)));
  }
}
