// exp in float32 arithmetic, scalar and f32x4: 4 floats per vector, no table.
// Cody-Waite reduction x = n ln2 + r (|r| <= ln2/2; ln2_hi has 11 significant bits so n·ln2_hi
// is exact), a degree-6 minimax polynomial (scripts/gen-exp-table.py) and 2^n built in the
// exponent field. Arguments with |x| > 80 (and NaN) go through the float64 exp and are rounded
// once: overflow, underflow and subnormal results as IEEE; below 80, s·p stays normal.
// Every multiply-add is madd32 (fused in the relaxed-SIMD build), and the scalar path of the
// SIMD builds runs the vector core on a splat, so results never depend on position, and the
// SIMD and no-SIMD builds agree bit for bit.
import { madd32 } from './common';
import { exp64, ExpCoreConstants } from './exp';
import { EXPF32_C2, EXPF32_C3, EXPF32_C4, EXPF32_C5, EXPF32_C6 } from './exp-table';

const LOG2E: f32 = reinterpret<f32>(0x3fb8aa3b); // 1.442695
const LN2_HI: f32 = reinterpret<f32>(0x3f318000); // 0.693359375
const LN2_LO: f32 = reinterpret<f32>(0xb95e8083); // -2.1219444e-4
// 1.5·2^23 + 127: adding it rounds to an integer, and leaves n + 127 in the low mantissa bits.
const ROUNDER: f32 = reinterpret<f32>(0x4b40007f);

/** Fast-path arguments: 2^n and s·p stay normal float32s. */
const EXPF32_FAST_LIMIT: f32 = 80.0;

/** exp(x) for |x| <= EXPF32_FAST_LIMIT without SIMD: expf32V's operations, unfused. */
// @ts-ignore: decorator
@inline
function expf32Core(x: f32): f32 {
  const z = x * LOG2E + ROUNDER;
  const n = z - ROUNDER;
  const r = n * -LN2_LO + (n * -LN2_HI + x);
  const r2 = r * r;
  const q = r2 * r2 * EXPF32_C6 + (r2 * (r * EXPF32_C5 + EXPF32_C4) + (r * EXPF32_C3 + EXPF32_C2));
  const p = r2 * q + r;
  const s = reinterpret<f32>(reinterpret<i32>(z) << 23); // z << 23 is 2^n
  return s * p + s;
}

/** exp of one float32, with IEEE specials. */
export function expf32(x: f32): f32 {
  if (abs<f32>(x) <= EXPF32_FAST_LIMIT) {
    if (ASC_FEATURE_SIMD) return expf32Lane(x);
    return expf32Core(x);
  }
  return <f32>exp64(<f64>x);
}

// The vector constants as splats in memory, in exp.ts's layout (ExpCoreConstants), written as
// bit patterns because the |x| mask is a NaN's. Kernels read them into locals before a loop.
const EXPF32_CONSTS: usize = memory.data<u32>(
  [
    reinterpret<u32>(LOG2E), reinterpret<u32>(LOG2E), reinterpret<u32>(LOG2E), reinterpret<u32>(LOG2E),
    reinterpret<u32>(ROUNDER), reinterpret<u32>(ROUNDER), reinterpret<u32>(ROUNDER), reinterpret<u32>(ROUNDER),
    reinterpret<u32>(-LN2_HI), reinterpret<u32>(-LN2_HI), reinterpret<u32>(-LN2_HI), reinterpret<u32>(-LN2_HI),
    reinterpret<u32>(-LN2_LO), reinterpret<u32>(-LN2_LO), reinterpret<u32>(-LN2_LO), reinterpret<u32>(-LN2_LO),
    reinterpret<u32>(EXPF32_C2), reinterpret<u32>(EXPF32_C2), reinterpret<u32>(EXPF32_C2), reinterpret<u32>(EXPF32_C2),
    reinterpret<u32>(EXPF32_C3), reinterpret<u32>(EXPF32_C3), reinterpret<u32>(EXPF32_C3), reinterpret<u32>(EXPF32_C3),
    reinterpret<u32>(EXPF32_C4), reinterpret<u32>(EXPF32_C4), reinterpret<u32>(EXPF32_C4), reinterpret<u32>(EXPF32_C4),
    reinterpret<u32>(EXPF32_C5), reinterpret<u32>(EXPF32_C5), reinterpret<u32>(EXPF32_C5), reinterpret<u32>(EXPF32_C5),
    reinterpret<u32>(EXPF32_C6), reinterpret<u32>(EXPF32_C6), reinterpret<u32>(EXPF32_C6), reinterpret<u32>(EXPF32_C6),
    0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff, // |x| mask
    reinterpret<u32>(EXPF32_FAST_LIMIT), reinterpret<u32>(EXPF32_FAST_LIMIT), reinterpret<u32>(EXPF32_FAST_LIMIT), reinterpret<u32>(EXPF32_FAST_LIMIT),
  ],
  16,
);

/** The vector constants of expf32V. */
// @ts-ignore: decorator
@inline
export function expf32Constants(): ExpCoreConstants {
  return changetype<ExpCoreConstants>(EXPF32_CONSTS);
}

/**
 * exp of four floats whose lanes all satisfy |x| <= EXPF32_FAST_LIMIT; the other arguments are
 * ExpCoreConstants' fields, held in locals by the caller.
 */
// @ts-ignore: decorator
@inline
export function expf32V(x: v128, scale: v128, shifter: v128, negLn2Hi: v128, negLn2Lo: v128, c2: v128, c3: v128, c4: v128, c5: v128, c6: v128): v128 {
  const z = madd32(x, scale, shifter);
  const n = f32x4.sub(z, shifter);
  const r = madd32(n, negLn2Lo, madd32(n, negLn2Hi, x));
  const r2 = f32x4.mul(r, r);
  // q = (c2 + c3 r) + r^2 (c4 + c5 r) + r^4 c6: Estrin's scheme, three short chains.
  const q = madd32(f32x4.mul(r2, r2), c6, madd32(r2, madd32(r, c5, c4), madd32(r, c3, c2)));
  const p = madd32(r2, q, r);
  const s = i32x4.shl(z, 23); // z's low bits hold n + 127: shifted up, the bits of 2^n
  return madd32(s, p, s);
}

/** exp(x) for |x| <= EXPF32_FAST_LIMIT through the vector core (lane 0 of a splat). */
// @ts-ignore: decorator
@inline
function expf32Lane(x: f32): f32 {
  const k = expf32Constants();
  const v = expf32V(f32x4.splat(x), k.scale, k.shifter, k.negLn2Hi, k.negLn2Lo, k.c2, k.c3, k.c4, k.c5, k.c6);
  return f32x4.extract_lane(v, 0);
}
