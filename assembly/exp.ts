// The shared exp and log cores (float64), scalar and v128, used by unary.ts and nn.ts.
//
// exp: Tang's table method (ACM TOMS 15(2), 1989) with N = 256 and a degree-5 Taylor
// polynomial (its truncation error, r^6/720 for |r| <= ln2/512, is below 1e-20). With
// k = round(x * 256/ln2) = 256*m + j and r = x - k*ln2/256 (in two parts):
//   exp(x) = 2^m * 2^(j/256) * e^r = s + s*(tail_j + p(r)),  s = 2^m * H_j.
// The scalar and vector paths do the same operations in the same order, so results never
// depend on an element's position. Arguments with |x| > 700 (and NaN) take the careful path.
//
// log: fdlibm's e_log.c (Sun Microsystems, 1993): x = 2^k * (1+f) with 1+f in [sqrt2/2, sqrt2),
// log(1+f) = f - hfsq + s*(hfsq+R(z)), s = f/(2+f); error below 1 ulp.
import { EXP } from './common';
import { EXP_INV_LN2_N, EXP_LN2_N_HI, EXP_LN2_N_LO, EXP_TABLE } from './exp-table';

// 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits.
const SHIFTER: f64 = reinterpret<f64>(0x4338000000000000);
const C3: f64 = reinterpret<f64>(0x3fc5555555555555); // 1/6
const C4: f64 = reinterpret<f64>(0x3fa5555555555555); // 1/24
const C5: f64 = reinterpret<f64>(0x3f81111111111111); // 1/120
const TWO_512: f64 = reinterpret<f64>(0x5ff0000000000000); // 2^512
const TWO_M512: f64 = reinterpret<f64>(0x1ff0000000000000); // 2^-512

/** Arguments up to this magnitude take the fast path: s and s*tmp stay normal. */
export const EXP_FAST_LIMIT: f64 = 700.0;

/** exp(x) for |x| <= 746, with the scale's exponent lowered by `scaleShift` (a multiple of 2^52). */
// @ts-ignore: decorator
@inline
function expCore(x: f64, scaleShift: i64): f64 {
  const z = x * EXP_INV_LN2_N + SHIFTER;
  const kd = z - SHIFTER;
  const k = reinterpret<i64>(z);
  const r = x - kd * EXP_LN2_N_HI - kd * EXP_LN2_N_LO;
  const entry = EXP_TABLE + (<usize>(<i32>k & 255) << 4);
  const s = reinterpret<f64>(load<i64>(entry) + (k << 44) - scaleShift);
  const tail = load<f64>(entry, 8);
  const r2 = r * r;
  const p = r + r2 * (0.5 + r * C3 + r2 * (C4 + r * C5));
  const tmp = tail + p;
  return s + s * tmp;
}

/** exp(x) for every float64, with IEEE overflow, gradual underflow and NaN. */
export function exp64(x: f64): f64 {
  if (abs(x) <= EXP_FAST_LIMIT) return expCore(x, 0);
  if (x != x) return x + x;
  if (x > 710.0) return Infinity;
  if (x < -746.0) return 0.0;
  // Keep the scale normal: compute exp(x) * 2^-+512, then scale back with one multiply.
  if (x > 0) return expCore(x, (<i64>512) << 52) * TWO_512;
  return expCore(x, -((<i64>512) << 52)) * TWO_M512;
}

// The vector constants, as 16-byte splats in memory: V8 rebuilds a v128.const or a splat of a
// literal inside a loop on every iteration, while a load from here folds into the instruction.
const K_INV = 0;
const K_SHIFTER = 16;
const K_HI = 32;
const K_LO = 48;
const K_HALF = 64;
const K_C3 = 80;
const K_C4 = 96;
const K_C5 = 112;
const K_255 = 128;
const K_ABS = 144;
const K_LIMIT = 160;
const EXP_CONSTS: usize = memory.data<u64>(
  [
    reinterpret<u64>(EXP_INV_LN2_N), reinterpret<u64>(EXP_INV_LN2_N),
    0x4338000000000000, 0x4338000000000000,
    reinterpret<u64>(EXP_LN2_N_HI), reinterpret<u64>(EXP_LN2_N_HI),
    reinterpret<u64>(EXP_LN2_N_LO), reinterpret<u64>(EXP_LN2_N_LO),
    0x3fe0000000000000, 0x3fe0000000000000, // 0.5
    0x3fc5555555555555, 0x3fc5555555555555, // 1/6
    0x3fa5555555555555, 0x3fa5555555555555, // 1/24
    0x3f81111111111111, 0x3f81111111111111, // 1/120
    255, 255,
    0x7fffffffffffffff, 0x7fffffffffffffff,
    0x4085e00000000000, 0x4085e00000000000, // 700.0
  ],
  16,
);

/** A constant splat from EXP_CONSTS. */
// @ts-ignore: decorator
@inline
function k(offset: usize): v128 {
  return v128.load(EXP_CONSTS + offset);
}

/** exp of both lanes of a float64x2 whose lanes all satisfy |x| <= EXP_FAST_LIMIT. */
// @ts-ignore: decorator
@inline
export function expFastV(x: v128): v128 {
  const z = f64x2.add(f64x2.mul(x, k(K_INV)), k(K_SHIFTER));
  const kd = f64x2.sub(z, k(K_SHIFTER));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kd, k(K_HI))), f64x2.mul(kd, k(K_LO)));
  // Table offsets from the low 32-bit lanes (0 and 2): movd/pextrd, cheaper than 64-bit extracts.
  const offsets = i32x4.shl(v128.and(z, k(K_255)), 4);
  const e0 = v128.load(EXP_TABLE + <usize>i32x4.extract_lane(offsets, 0));
  const e1 = v128.load(EXP_TABLE + <usize>i32x4.extract_lane(offsets, 2));
  const s = i64x2.add(i64x2.shuffle(e0, e1, 0, 2), i64x2.shl(z, 44));
  const tail = i64x2.shuffle(e0, e1, 1, 3);
  const r2 = f64x2.mul(r, r);
  const inner = f64x2.add(
    f64x2.add(k(K_HALF), f64x2.mul(r, k(K_C3))),
    f64x2.mul(r2, f64x2.add(k(K_C4), f64x2.mul(r, k(K_C5)))),
  );
  const p = f64x2.add(r, f64x2.mul(r2, inner));
  const tmp = f64x2.add(tail, p);
  return f64x2.add(s, f64x2.mul(s, tmp));
}

/** Whether all four lanes of a and b are in exp's fast range (NaN is not): one test per 4 doubles. */
// @ts-ignore: decorator
@inline
export function expFast4(a: v128, b: v128): bool {
  // Two compares and an AND: cheaper in V8 than wasm's NaN-propagating f64x2.max.
  const inA = f64x2.le(v128.and(a, k(K_ABS)), k(K_LIMIT));
  const inB = f64x2.le(v128.and(b, k(K_ABS)), k(K_LIMIT));
  return i64x2.bitmask(v128.and(inA, inB)) == 3;
}

// ---------------------------------------------------------------- log
const LN2_HI: f64 = reinterpret<f64>(0x3fe62e42fee00000); // 6.93147180369123816490e-01
const LN2_LO: f64 = reinterpret<f64>(0x3dea39ef35793c76); // 1.90821492927058770002e-10
const LG1: f64 = reinterpret<f64>(0x3fe5555555555593);
const LG2: f64 = reinterpret<f64>(0x3fd999999997fa04);
const LG3: f64 = reinterpret<f64>(0x3fd2492494229359);
const LG4: f64 = reinterpret<f64>(0x3fcc71c51d8e78af);
const LG5: f64 = reinterpret<f64>(0x3fc7466496cb03de);
const LG6: f64 = reinterpret<f64>(0x3fc39a09d078c69f);
const LG7: f64 = reinterpret<f64>(0x3fc2f112df3e5244);
const TWO_54: f64 = reinterpret<f64>(0x4350000000000000);

/** log(x) for positive normal finite x, given its bits. */
// @ts-ignore: decorator
@inline
function logCore(bits: u64, kExtra: i32): f64 {
  // Reduce x into [sqrt(2)/2, sqrt(2)): move the 0x3fe6a09e offset into k.
  let hx = <u32>(bits >> 32) + (0x3ff00000 - 0x3fe6a09e);
  const k = <i32>(hx >> 20) - 0x3ff + kExtra;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  const m = reinterpret<f64>((<u64>hx << 32) | (bits & 0xffffffff));
  const f = m - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const dk = <f64>k;
  return s * (hfsq + R) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}

/** log(x) for every float64: -inf at +-0, nan below 0, subnormals scaled first. */
export function log64(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  const top = <u32>(bits >> 32);
  if (top >= 0x00100000 && top < 0x7ff00000) return logCore(bits, 0);
  if ((bits << 1) == 0) return -Infinity;
  if (top >> 31) return NaN;
  if (top >= 0x7ff00000) return x; // +inf, nan
  return logCore(reinterpret<u64>(x * TWO_54), -54); // subnormal
}

/** log of both lanes of a float64x2 whose lanes are all positive, normal and finite. */
// @ts-ignore: decorator
@inline
export function logFastV(x: v128): v128 {
  // hx = high word + (0x3ff00000 - 0x3fe6a09e), computed on the 64-bit lanes.
  const hx = i64x2.add(i64x2.shr_u(x, 32), i64x2.splat(0x3ff00000 - 0x3fe6a09e));
  const kBits = i64x2.sub(i64x2.shr_u(hx, 20), i64x2.splat(0x3ff));
  const k = f64x2.convert_low_i32x4_s(i32x4.shuffle(kBits, kBits, 0, 2, 0, 2));
  const mHigh = i64x2.add(v128.and(hx, i64x2.splat(0x000fffff)), i64x2.splat(0x3fe6a09e));
  const m = v128.or(i64x2.shl(mHigh, 32), v128.and(x, i64x2.splat(0xffffffff)));
  const one = f64x2.splat(1.0);
  const f = f64x2.sub(m, one);
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6))))));
  const t2 = f64x2.mul(
    z,
    f64x2.add(f64x2.splat(LG1), f64x2.mul(w, f64x2.add(f64x2.splat(LG3), f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7))))))),
  );
  const R = f64x2.add(t2, t1);
  const a = f64x2.mul(s, f64x2.add(hfsq, R));
  const b = f64x2.add(a, f64x2.mul(k, f64x2.splat(LN2_LO)));
  return f64x2.add(f64x2.add(f64x2.sub(b, hfsq), f), f64x2.mul(k, f64x2.splat(LN2_HI)));
}

// ---------------------------------------------------------------- blocks of four doubles


/** exp of 8 doubles at x into out: one range test for all of them, else the careful path. */
// @ts-ignore: decorator
@inline
export function expBlock8(x: usize, out: usize): void {
  const a = v128.load(x);
  const b = v128.load(x, 16);
  const c = v128.load(x, 32);
  const d = v128.load(x, 48);
  const inAB = v128.and(f64x2.le(v128.and(a, k(K_ABS)), k(K_LIMIT)), f64x2.le(v128.and(b, k(K_ABS)), k(K_LIMIT)));
  const inCD = v128.and(f64x2.le(v128.and(c, k(K_ABS)), k(K_LIMIT)), f64x2.le(v128.and(d, k(K_ABS)), k(K_LIMIT)));
  if (i64x2.bitmask(v128.and(inAB, inCD)) == 3) {
    v128.store(out, expFastV(a));
    v128.store(out, expFastV(b), 16);
    v128.store(out, expFastV(c), 32);
    v128.store(out, expFastV(d), 48);
    return;
  }
  for (let i: usize = 0; i < 64; i += 8) store<f64>(out + i, exp64(load<f64>(x + i)));
}

/** Whether both lanes are positive, normal and finite (log's fast range). */
// @ts-ignore: decorator
@inline
export function logFastLanes(x: v128): bool {
  const top = i64x2.shr_u(x, 32);
  const low = i64x2.gt_s(top, i64x2.splat(0x000fffff));
  const high = i64x2.lt_s(top, i64x2.splat(0x7ff00000));
  return i64x2.bitmask(v128.and(low, high)) == 3;
}

/** exp or log of two float64x2 (4 doubles) at once, each lane exactly as the scalar path gives. */
// @ts-ignore: decorator
@inline
export function transcendental2(op: i32, a: v128, b: v128, out: usize): void {
  if (op == EXP) {
    if (expFast4(a, b)) {
      v128.store(out, expFastV(a));
      v128.store(out, expFastV(b), 16);
      return;
    }
  } else if (logFastLanes(a) && logFastLanes(b)) {
    v128.store(out, logFastV(a));
    v128.store(out, logFastV(b), 16);
    return;
  }
  for (let k = 0; k < 2; k++) {
    const v = k == 0 ? a : b;
    const f = op == EXP ? exp64(f64x2.extract_lane(v, 0)) : log64(f64x2.extract_lane(v, 0));
    const g = op == EXP ? exp64(f64x2.extract_lane(v, 1)) : log64(f64x2.extract_lane(v, 1));
    store<f64>(out + (k << 4), f);
    store<f64>(out + (k << 4), g, 8);
  }
}

