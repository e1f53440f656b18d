// NumPy's pairwise summation, fused with an elementwise map of one or two inputs.
import { at } from './common';

// What each summed element is.
export const MAP_IDENTITY = 0; // x
export const MAP_SQUARE = 1; // x * x
export const MAP_ABS = 2; // |x|
export const MAP_DIFF_ABS = 3; // |x - y|
export const MAP_DIFF_SQUARE = 4; // (x - y)^2

// @ts-ignore: decorator
@inline
function fetch<T>(op: i32, x: usize, y: usize, i: isize, sx: isize, sy: isize): T {
  const a = load<T>(at<T>(x, i, sx));
  if (op == MAP_IDENTITY) return a;
  if (op == MAP_SQUARE) return a * a;
  if (op == MAP_ABS) return abs<T>(a);
  const d = a - load<T>(at<T>(y, i, sy));
  return op == MAP_DIFF_ABS ? abs<T>(d) : d * d;
}

// @ts-ignore: decorator
@inline
function fetchV<T>(op: i32, x: usize, y: usize, byteOffset: usize, absMask: v128): v128 {
  const a = v128.load(x + byteOffset);
  if (op == MAP_IDENTITY) return a;
  const wide = sizeof<T>() == 8;
  if (op == MAP_SQUARE) return wide ? f64x2.mul(a, a) : f32x4.mul(a, a);
  if (op == MAP_ABS) return v128.and(a, absMask);
  const b = v128.load(y + byteOffset);
  const d = wide ? f64x2.sub(a, b) : f32x4.sub(a, b);
  if (op == MAP_DIFF_ABS) return v128.and(d, absMask);
  return wide ? f64x2.mul(d, d) : f32x4.mul(d, d);
}

/** ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) of eight float64 accumulators held as four f64x2. */
// @ts-ignore: decorator
@inline
function combine8f64(v01: v128, v23: v128, v45: v128, v67: v128): f64 {
  const s1 = f64x2.add(i64x2.shuffle(v01, v23, 0, 2), i64x2.shuffle(v01, v23, 1, 3));
  const s2 = f64x2.add(i64x2.shuffle(v45, v67, 0, 2), i64x2.shuffle(v45, v67, 1, 3));
  const e = f64x2.add(i64x2.shuffle(s1, s2, 0, 2), i64x2.shuffle(s1, s2, 1, 3));
  return f64x2.extract_lane(e, 0) + f64x2.extract_lane(e, 1);
}

/** The same for float32 accumulators held as two f32x4: (r0..r3) and (r4..r7). */
// @ts-ignore: decorator
@inline
function combine8f32(v0: v128, v1: v128): f32 {
  // s = (r0+r1, r2+r3, r4+r5, r6+r7)
  const s = f32x4.add(i32x4.shuffle(v0, v1, 0, 2, 4, 6), i32x4.shuffle(v0, v1, 1, 3, 5, 7));
  // e = ((r0+r1)+(r2+r3), (r4+r5)+(r6+r7))
  const e = f32x4.add(i32x4.shuffle(s, s, 0, 2, 0, 2), i32x4.shuffle(s, s, 1, 3, 1, 3));
  return f32x4.extract_lane(e, 0) + f32x4.extract_lane(e, 1);
}

/** NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), element by element the same. */
export function pairwise<T>(op: i32, n: isize, x: usize, sx: isize, y: usize, sy: isize): T {
  if (n < 8) {
    let res: T = <T>0;
    for (let i: isize = 0; i < n; i++) res += fetch<T>(op, x, y, i, sx, sy);
    return res;
  }
  if (n <= 128) {
    const blockEnd = n - (n % 8);
    let res: T;
    let i: isize = 8;
    if (ASC_FEATURE_SIMD && sx == 1 && (sy == 1 || op < MAP_DIFF_ABS)) {
      const absMask = sizeof<T>() == 8 ? i64x2.splat(0x7fffffffffffffff) : i32x4.splat(0x7fffffff);
      const w: usize = sizeof<T>();
      if (w == 8) {
        let v0 = fetchV<T>(op, x, y, 0, absMask);
        let v1 = fetchV<T>(op, x, y, 16, absMask);
        let v2 = fetchV<T>(op, x, y, 32, absMask);
        let v3 = fetchV<T>(op, x, y, 48, absMask);
        for (; i < blockEnd; i += 8) {
          const p = <usize>i << 3;
          v0 = f64x2.add(v0, fetchV<T>(op, x, y, p, absMask));
          v1 = f64x2.add(v1, fetchV<T>(op, x, y, p + 16, absMask));
          v2 = f64x2.add(v2, fetchV<T>(op, x, y, p + 32, absMask));
          v3 = f64x2.add(v3, fetchV<T>(op, x, y, p + 48, absMask));
        }
        res = <T>combine8f64(v0, v1, v2, v3);
      } else {
        let v0 = fetchV<T>(op, x, y, 0, absMask);
        let v1 = fetchV<T>(op, x, y, 16, absMask);
        for (; i < blockEnd; i += 8) {
          const p = <usize>i << 2;
          v0 = f32x4.add(v0, fetchV<T>(op, x, y, p, absMask));
          v1 = f32x4.add(v1, fetchV<T>(op, x, y, p + 16, absMask));
        }
        res = <T>combine8f32(v0, v1);
      }
    } else {
      let r0 = fetch<T>(op, x, y, 0, sx, sy);
      let r1 = fetch<T>(op, x, y, 1, sx, sy);
      let r2 = fetch<T>(op, x, y, 2, sx, sy);
      let r3 = fetch<T>(op, x, y, 3, sx, sy);
      let r4 = fetch<T>(op, x, y, 4, sx, sy);
      let r5 = fetch<T>(op, x, y, 5, sx, sy);
      let r6 = fetch<T>(op, x, y, 6, sx, sy);
      let r7 = fetch<T>(op, x, y, 7, sx, sy);
      for (; i < blockEnd; i += 8) {
        r0 += fetch<T>(op, x, y, i, sx, sy);
        r1 += fetch<T>(op, x, y, i + 1, sx, sy);
        r2 += fetch<T>(op, x, y, i + 2, sx, sy);
        r3 += fetch<T>(op, x, y, i + 3, sx, sy);
        r4 += fetch<T>(op, x, y, i + 4, sx, sy);
        r5 += fetch<T>(op, x, y, i + 5, sx, sy);
        r6 += fetch<T>(op, x, y, i + 6, sx, sy);
        r7 += fetch<T>(op, x, y, i + 7, sx, sy);
      }
      res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    }
    for (; i < n; i++) res += fetch<T>(op, x, y, i, sx, sy);
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return (
    pairwise<T>(op, n2, x, sx, y, sy) +
    pairwise<T>(op, n - n2, at<T>(x, n2, sx), sx, at<T>(y, n2, sy), sy)
  );
}

