// The float64 log, scalar and v128: fdlibm's e_log.c (Sun Microsystems, 1993):
// x = 2^k * (1+f) with 1+f in [sqrt2/2, sqrt2), log(1+f) = f - hfsq + s*(hfsq+R(z)),
// s = f/(2+f); error below 1 ulp. The vector path does the scalar path's operations in order.

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
function logFastV(x: v128): v128 {
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

/** Whether both lanes are positive, normal and finite (log's fast range). */
// @ts-ignore: decorator
@inline
function logFastLanes(x: v128): bool {
  const top = i64x2.shr_u(x, 32);
  const low = i64x2.gt_s(top, i64x2.splat(0x000fffff));
  const high = i64x2.lt_s(top, i64x2.splat(0x7ff00000));
  return i64x2.bitmask(v128.and(low, high)) == 3;
}

/** log of two float64x2 (4 doubles) into out, each lane exactly as log64 gives. */
// @ts-ignore: decorator
@inline
export function logBlock4(a: v128, b: v128, out: usize): void {
  if (logFastLanes(a) && logFastLanes(b)) {
    v128.store(out, logFastV(a));
    v128.store(out, logFastV(b), 16);
    return;
  }
  store<f64>(out, log64(f64x2.extract_lane(a, 0)));
  store<f64>(out, log64(f64x2.extract_lane(a, 1)), 8);
  store<f64>(out, log64(f64x2.extract_lane(b, 0)), 16);
  store<f64>(out, log64(f64x2.extract_lane(b, 1)), 24);
}

/**
 * log of eight doubles from x into out: four independent vectors, so that the out-of-order core
 * overlaps their long chains of dependent operations (each lane exactly as log64 gives).
 */
// @ts-ignore: decorator
@inline
export function logBlock8(x: usize, out: usize): void {
  const a = v128.load(x);
  const b = v128.load(x, 16);
  const c = v128.load(x, 32);
  const d = v128.load(x, 48);
  if (logFastLanes(a) && logFastLanes(b) && logFastLanes(c) && logFastLanes(d)) {
    const la = logFastV(a);
    const lb = logFastV(b);
    const lc = logFastV(c);
    const ld = logFastV(d);
    v128.store(out, la);
    v128.store(out, lb, 16);
    v128.store(out, lc, 32);
    v128.store(out, ld, 48);
    return;
  }
  logBlock4(a, b, out);
  logBlock4(c, d, out + 32);
}
