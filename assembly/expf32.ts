// exp in float32 arithmetic, scalar and f32x4: 4 floats per vector, no table.
// Cody-Waite reduction x = n ln2 + r (|r| <= ln2/2; ln2_hi has 11 significant bits so n·ln2_hi
// is exact), a degree-7 Taylor polynomial (truncation below 0.1 ulp), and 2^n built in the
// exponent field. Arguments with |x| > 87 (and NaN) go through the float64 exp and are rounded
// once: overflow, underflow and subnormal results as IEEE. Scalar and vector paths perform the
// same float32 operations, so results never depend on position or build.
import { exp64 } from './exp';

const LOG2E: f32 = reinterpret<f32>(0x3fb8aa3b); // 1.442695
const LN2_HI: f32 = reinterpret<f32>(0x3f318000); // 0.693359375
const LN2_LO: f32 = reinterpret<f32>(0xb95e8083); // -2.1219444e-4
// 1.5·2^23 + 127: adding it rounds to an integer, and leaves n + 127 in the low mantissa bits.
const ROUNDER: f32 = reinterpret<f32>(0x4b40007f);
const C2: f32 = reinterpret<f32>(0x3f000000); // 1/2
const C3: f32 = reinterpret<f32>(0x3e2aaaab); // 1/6
const C4: f32 = reinterpret<f32>(0x3d2aaaab); // 1/24
const C5: f32 = reinterpret<f32>(0x3c088889); // 1/120
const C6: f32 = reinterpret<f32>(0x3ab60b61); // 1/720
const C7: f32 = reinterpret<f32>(0x39500d01); // 1/5040

/** Fast-path arguments: 2^n stays a normal float32. */
export const EXPF32_FAST_LIMIT: f32 = 87.0;

/** exp(x) for |x| <= EXPF32_FAST_LIMIT, in float32 arithmetic. */
// @ts-ignore: decorator
@inline
function expf32Core(x: f32): f32 {
  const z = x * LOG2E + ROUNDER;
  const n = z - ROUNDER;
  const r = (x - n * LN2_HI) - n * LN2_LO;
  const p = <f32>1 + r * (<f32>1 + r * (C2 + r * (C3 + r * (C4 + r * (C5 + r * (C6 + r * C7))))));
  return p * reinterpret<f32>(reinterpret<i32>(z) << 23); // z << 23 is 2^n
}

/** exp of one float32, with IEEE specials. */
export function expf32(x: f32): f32 {
  if (abs<f32>(x) <= EXPF32_FAST_LIMIT) return expf32Core(x);
  return <f32>exp64(<f64>x);
}

// The vector constants as splats in memory (see exp.ts: a load folds into the instruction).
const K: usize = memory.data<u32>(
  [
    0x3fb8aa3b, 0x3fb8aa3b, 0x3fb8aa3b, 0x3fb8aa3b, // 0: log2e
    0x3f318000, 0x3f318000, 0x3f318000, 0x3f318000, // 16: ln2 hi
    0xb95e8083, 0xb95e8083, 0xb95e8083, 0xb95e8083, // 32: ln2 lo
    0x4b40007f, 0x4b40007f, 0x4b40007f, 0x4b40007f, // 48: rounder, 1.5 * 2^23 + 127
    0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000, // 64: 1
    0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, // 80: 1/2
    0x3e2aaaab, 0x3e2aaaab, 0x3e2aaaab, 0x3e2aaaab, // 96: 1/6
    0x3d2aaaab, 0x3d2aaaab, 0x3d2aaaab, 0x3d2aaaab, // 112: 1/24
    0x3c088889, 0x3c088889, 0x3c088889, 0x3c088889, // 128: 1/120
    0x3ab60b61, 0x3ab60b61, 0x3ab60b61, 0x3ab60b61, // 144: 1/720
    0x39500d01, 0x39500d01, 0x39500d01, 0x39500d01, // 160: 1/5040
    0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff, // 176: abs mask
    0x42ae0000, 0x42ae0000, 0x42ae0000, 0x42ae0000, // 192: 87
  ],
  16,
);

// @ts-ignore: decorator
@inline
function k(offset: usize): v128 {
  return v128.load(K + offset);
}

/** exp of four floats whose lanes all satisfy |x| <= EXPF32_FAST_LIMIT. */
// @ts-ignore: decorator
@inline
export function expf32V(x: v128): v128 {
  // z = x·log2e + (1.5·2^23 + 127): its low mantissa bits hold n + 127, so z << 23 is 2^n
  // (the 1.5·2^23 part shifts out); n itself is z minus that constant, as in the scalar path.
  const z = f32x4.add(f32x4.mul(x, k(0)), k(48));
  const n = f32x4.sub(z, k(48));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(n, k(16))), f32x4.mul(n, k(32)));
  let p = f32x4.add(k(144), f32x4.mul(r, k(160)));
  p = f32x4.add(k(128), f32x4.mul(r, p));
  p = f32x4.add(k(112), f32x4.mul(r, p));
  p = f32x4.add(k(96), f32x4.mul(r, p));
  p = f32x4.add(k(80), f32x4.mul(r, p));
  p = f32x4.add(k(64), f32x4.mul(r, p));
  p = f32x4.add(k(64), f32x4.mul(r, p));
  return f32x4.mul(p, i32x4.shl(z, 23));
}

/** Whether all lanes of a and b are in the fast range (NaN is not): one test per 8 floats. */
// @ts-ignore: decorator
@inline
export function expf32Fast8(a: v128, b: v128): bool {
  const inA = f32x4.le(v128.and(a, k(176)), k(192));
  const inB = f32x4.le(v128.and(b, k(176)), k(192));
  return i32x4.bitmask(v128.and(inA, inB)) == 15;
}

/** exp of 8 floats from a and b, stored at out, lane for lane as expf32. */
// @ts-ignore: decorator
@inline
export function expf32Block8(a: v128, b: v128, out: usize): void {
  if (expf32Fast8(a, b)) {
    v128.store(out, expf32V(a));
    v128.store(out, expf32V(b), 16);
    return;
  }
  store<f32>(out, expf32(f32x4.extract_lane(a, 0)));
  store<f32>(out, expf32(f32x4.extract_lane(a, 1)), 4);
  store<f32>(out, expf32(f32x4.extract_lane(a, 2)), 8);
  store<f32>(out, expf32(f32x4.extract_lane(a, 3)), 12);
  store<f32>(out, expf32(f32x4.extract_lane(b, 0)), 16);
  store<f32>(out, expf32(f32x4.extract_lane(b, 1)), 20);
  store<f32>(out, expf32(f32x4.extract_lane(b, 2)), 24);
  store<f32>(out, expf32(f32x4.extract_lane(b, 3)), 28);
}
