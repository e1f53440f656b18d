// The float64 exp core, scalar and v128, used by exp-map.ts (exp, shifted exp, sigmoid).
//
// Tang's table method (ACM TOMS 15(2), 1989) with N = 256 and a degree-4 minimax polynomial
// (scripts/gen-exp-table.py; its error is below 0.09 ulp for |r| <= ln2/512). With
// k = round(x * 256/ln2) = 256*m + j and r = x - k*ln2/256 (in two parts):
//   exp(x) = 2^m * 2^(j/256) * e^r = s + s*(tail_j + p(r)),  s = 2^m * H_j.
// Every multiply-add is madd64: fused in the relaxed-SIMD build, a multiply then an add
// elsewhere, so the SIMD and no-SIMD builds give identical results, and an element's result
// never depends on its position. Arguments with |x| > 700 (and NaN) take the careful path.
import { EXP_C2, EXP_C3, EXP_C4, EXP_INV_LN2_N, EXP_LN2_N_HI, EXP_LN2_N_LO, EXP_TABLE } from './exp-table';
import { madd64If } from './common';

// 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits.
const SHIFTER: f64 = reinterpret<f64>(0x4338000000000000);
const TWO_512: f64 = reinterpret<f64>(0x5ff0000000000000); // 2^512
const TWO_M512: f64 = reinterpret<f64>(0x1ff0000000000000); // 2^-512

/** Arguments up to this magnitude take the fast path: s and s*tmp stay normal. */
const EXP_FAST_LIMIT: f64 = 700.0;

/** exp(x) for |x| <= 746 without SIMD, with the scale's exponent lowered by `scaleShift` (a multiple of 2^52). */
// @ts-ignore: decorator
@inline
function expCore(x: f64, scaleShift: i64): f64 {
  // The same operations, in the same order, as expFastV without fused multiply-adds.
  const z = x * EXP_INV_LN2_N + SHIFTER;
  const kd = z - SHIFTER;
  const k = reinterpret<i64>(z);
  const r = kd * -EXP_LN2_N_LO + (kd * -EXP_LN2_N_HI + x);
  const entry = EXP_TABLE + (<usize>(<i32>k & 255) << 4);
  const s = reinterpret<f64>(load<i64>(entry) + (k << 44) - scaleShift);
  const tail = load<f64>(entry, 8);
  const r2 = r * r;
  const q = r2 * EXP_C4 + (r * EXP_C3 + EXP_C2);
  const tmp = r2 * q + (tail + r);
  return s * tmp + s;
}

/** exp(x) for every float64, with IEEE overflow, gradual underflow and NaN. */
export function exp64(x: f64): f64 {
  if (abs(x) <= EXP_FAST_LIMIT) {
    // The SIMD builds take the vector core's lane 0, so that an element gives the same result
    // wherever it sits (the relaxed-SIMD build fuses multiply-adds, which scalar code cannot).
    if (ASC_FEATURE_SIMD) return expFastLane(x);
    return expCore(x, 0);
  }
  if (x != x) return x + x;
  if (x > 710.0) return Infinity;
  if (x < -746.0) return 0.0;
  // Keep the scale normal: compute exp(x) * 2^-+512, then scale back with one multiply.
  if (x > 0) return expCore(x, (<i64>512) << 52) * TWO_512;
  return expCore(x, -((<i64>512) << 52)) * TWO_M512;
}

// The vector constants, as 16-byte splats in memory. Kernels load them into locals before their
// loops (expConstants): V8 rebuilds a v128.const inside a loop on every iteration, and a load
// per use costs a load-port slot per instruction.
const EXP_CONSTS: usize = memory.data<u64>(
  [
    reinterpret<u64>(EXP_INV_LN2_N), reinterpret<u64>(EXP_INV_LN2_N),
    0x4338000000000000, 0x4338000000000000, // SHIFTER
    reinterpret<u64>(-EXP_LN2_N_HI), reinterpret<u64>(-EXP_LN2_N_HI),
    reinterpret<u64>(-EXP_LN2_N_LO), reinterpret<u64>(-EXP_LN2_N_LO),
    reinterpret<u64>(EXP_C2), reinterpret<u64>(EXP_C2),
    reinterpret<u64>(EXP_C3), reinterpret<u64>(EXP_C3),
    reinterpret<u64>(EXP_C4), reinterpret<u64>(EXP_C4),
    0, 0, // c5, c6: the float64 polynomial stops at degree 4
    0, 0,
    0x7fffffffffffffff, 0x7fffffffffffffff, // |x| mask
    0x4085e00000000000, 0x4085e00000000000, // EXP_FAST_LIMIT, 700.0
  ],
  16,
);

/**
 * The vector constants of an exp core (expFastV here, expf32V in expf32.ts), in one layout for
 * both, so that exp-map.ts runs either core from the same loop. Read the fields into locals
 * before a loop.
 */
@final @unmanaged
export class ExpCoreConstants {
  scale: v128; // N/ln2 (float64, N = 256) or log2(e) (float32)
  shifter: v128; // added to round to an integer held in the low mantissa bits
  negLn2Hi: v128; // -(ln2/N) (float32: -ln2), in two parts
  negLn2Lo: v128;
  c2: v128; // the polynomial's coefficients
  c3: v128;
  c4: v128;
  c5: v128;
  c6: v128;
  absMask: v128; // all bits but the sign
  limit: v128; // the largest |x| of the fast path
}

/** The vector constants of expFastV. */
// @ts-ignore: decorator
@inline
export function expConstants(): ExpCoreConstants {
  return changetype<ExpCoreConstants>(EXP_CONSTS);
}

/**
 * exp of both lanes of a float64x2 whose lanes all satisfy |x| <= EXP_FAST_LIMIT; the other
 * arguments are ExpCoreConstants' fields, held in locals by the caller. `fused` (a constant at
 * each call) false keeps the relaxed-SIMD build to a multiply then an add, as the other builds.
 */
// @ts-ignore: decorator
@inline
export function expFastV(x: v128, scale: v128, shifter: v128, negLn2Hi: v128, negLn2Lo: v128, c2: v128, c3: v128, c4: v128, fused: bool = true): v128 {
  const z = madd64If(fused, x, scale, shifter);
  const kd = f64x2.sub(z, shifter);
  const r = madd64If(fused, kd, negLn2Lo, madd64If(fused, kd, negLn2Hi, x));
  // Table entries from the low 32-bit lanes (0 and 2) of z, whose low bits are k: movd/pextrd.
  const e0 = v128.load(<usize>(i32x4.extract_lane(z, 0) & 255) << 4, EXP_TABLE);
  const e1 = v128.load(<usize>(i32x4.extract_lane(z, 2) & 255) << 4, EXP_TABLE);
  const s = i64x2.add(i64x2.shuffle(e0, e1, 0, 2), i64x2.shl(z, 44));
  const tail = i64x2.shuffle(e0, e1, 1, 3);
  // p(r) = r + r^2 (c2 + c3 r + c4 r^2), Estrin-style: two short chains instead of one long one.
  const r2 = f64x2.mul(r, r);
  const q = madd64If(fused, r2, c4, madd64If(fused, r, c3, c2));
  const tmp = madd64If(fused, r2, q, f64x2.add(tail, r));
  return madd64If(fused, s, tmp, s);
}

/** exp(x) for |x| <= EXP_FAST_LIMIT through the vector core (lane 0 of a splat). */
// @ts-ignore: decorator
@inline
function expFastLane(x: f64): f64 {
  const k = expConstants();
  const v = expFastV(f64x2.splat(x), k.scale, k.shifter, k.negLn2Hi, k.negLn2Lo, k.c2, k.c3, k.c4);
  return f64x2.extract_lane(v, 0);
}
