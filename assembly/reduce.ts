// Reductions along rows: NumPy's pairwise sum (also fused with square, abs, and the difference
// of two inputs, for norms and losses), max and min with NaN propagation, argmax.
// Row kernels take (rows, cols, x, xs0, xs1, ..., out, os, accumulate): out[r] is set to the
// reduction of row r, or combined with what it holds when accumulate is 1 (NumPy's order for
// reductions over several axes: each row reduced, rows accumulated in index order).
import { at } from './common';

// What each summed element is.
const PLAIN = 0; // x
const SQUARE = 1; // x * x
const ABS = 2; // |x|
const DIFF_ABS = 3; // |x - y|
const DIFF_SQUARE = 4; // (x - y)^2

// @ts-ignore: decorator
@inline
function fetch<T>(op: i32, x: usize, y: usize, i: isize, sx: isize, sy: isize): T {
  const a = load<T>(at<T>(x, i, sx));
  if (op == PLAIN) return a;
  if (op == SQUARE) return a * a;
  if (op == ABS) return abs<T>(a);
  const d = a - load<T>(at<T>(y, i, sy));
  return op == DIFF_ABS ? abs<T>(d) : d * d;
}

// @ts-ignore: decorator
@inline
function fetchV<T>(op: i32, x: usize, y: usize, byteOffset: usize, absMask: v128): v128 {
  const a = v128.load(x + byteOffset);
  if (op == PLAIN) return a;
  const wide = sizeof<T>() == 8;
  if (op == SQUARE) return wide ? f64x2.mul(a, a) : f32x4.mul(a, a);
  if (op == ABS) return v128.and(a, absMask);
  const b = v128.load(y + byteOffset);
  const d = wide ? f64x2.sub(a, b) : f32x4.sub(a, b);
  if (op == DIFF_ABS) return v128.and(d, absMask);
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
function pairwise<T>(op: i32, n: isize, x: usize, sx: isize, y: usize, sy: isize): T {
  if (n < 8) {
    let res: T = <T>0;
    for (let i: isize = 0; i < n; i++) res += fetch<T>(op, x, y, i, sx, sy);
    return res;
  }
  if (n <= 128) {
    const blockEnd = n - (n % 8);
    let res: T;
    let i: isize = 8;
    if (ASC_FEATURE_SIMD && sx == 1 && (sy == 1 || op < DIFF_ABS)) {
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

// @ts-ignore: decorator
@inline
function sumRows<T>(op: i32, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  for (let r = 0; r < rows; r++) {
    const s = pairwise<T>(op, cols, at<T>(x, r, xs0), xs1, at<T>(y, r, ys0), ys1);
    const o = at<T>(out, r, os);
    // Starting from +0.0 (NumPy's identity) turns a lone -0.0 into +0.0, as NumPy does.
    store<T>(o, (accumulate ? load<T>(o) : <T>0) + s);
  }
}

export function sum_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(PLAIN, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sum_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(PLAIN, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumsq_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(SQUARE, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumsq_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(SQUARE, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumabs_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(ABS, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumabs_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(ABS, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumabsdiff_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(DIFF_ABS, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}
export function sumabsdiff_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(DIFF_ABS, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}
export function sumsqdiff_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(DIFF_SQUARE, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}
export function sumsqdiff_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(DIFF_SQUARE, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}

/** int32 sums are exact in float64 up to 2^53, which is what NumPy's int64 gives. */
export function sum_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<i32>(x, r, xs0);
    let s: f64 = 0;
    for (let c = 0; c < cols; c++) s += <f64>load<i32>(at<i32>(xr, c, xs1));
    const o = at<f64>(out, r, os);
    store<f64>(o, (accumulate ? load<f64>(o) : 0) + s);
  }
}

// ---------------------------------------------------------------- max, min, argmax

/** NumPy's maximum / minimum: ties give the later element, NaN propagates. */
// @ts-ignore: decorator
@inline
function pick<T>(isMax: bool, acc: T, x: T): T {
  if (isMax) return acc > x || acc != acc ? acc : x;
  return acc < x || acc != acc ? acc : x;
}

// @ts-ignore: decorator
@inline
function extremeRows<T>(isMax: bool, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const o = at<T>(out, r, os);
    let acc: T = accumulate ? load<T>(o) : load<T>(xr);
    for (let c = accumulate ? 0 : 1; c < cols; c++) acc = pick<T>(isMax, acc, load<T>(at<T>(xr, c, xs1)));
    store<T>(o, acc);
  }
}

export function max_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f64>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function max_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f32>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function max_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<i32>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f64>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f32>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<i32>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}

/** NumPy's argmax: the first maximum; the first NaN wins. Indices go to an int32 row. */
// @ts-ignore: decorator
@inline
function argmaxRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    let best = load<T>(xr);
    let index = 0;
    if (best == best) {
      for (let c = 1; c < cols; c++) {
        const v = load<T>(at<T>(xr, c, xs1));
        if (!(v <= best)) {
          best = v;
          index = c;
          if (v != v) break;
        }
      }
    }
    store<i32>(at<i32>(out, r, os), index);
  }
}

export function argmax_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argmaxRows<f64>(rows, cols, x, xs0, xs1, out, os);
}
export function argmax_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argmaxRows<f32>(rows, cols, x, xs0, xs1, out, os);
}
export function argmax_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argmaxRows<i32>(rows, cols, x, xs0, xs1, out, os);
}
