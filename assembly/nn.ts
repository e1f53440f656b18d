// Fused neural-network kernels: sigmoid and its derivative (one pass), and row kernels for
// softmax, log-softmax and row normalisation that write only their output (no temporaries).
// Sums inside them are NumPy's pairwise sums, so results match NumPy's formulas closely:
//   softmax:       e = exp(x - max); e / sum(e)            (the lesson's stable form)
//   log-softmax:   (x - max) - log(sum(exp(x - max)))      (scipy.special.log_softmax)
//   normalizeRows: x / sqrt(sum(x * x))                    (x / np.linalg.norm(x, axis=1))
import { EXP, at } from './common';
import { exp64, expFast4, expFastV, log64, transcendental2 } from './exp';
import { MAP_IDENTITY, MAP_SQUARE, pairwise } from './pairwise';


/** 1 / (1 + e^-x) without overflow: e = e^-|x|, then (x >= 0 ? 1 : e) / (1 + e). */
// @ts-ignore: decorator
@inline
function sigmoid64(x: f64): f64 {
  const e = exp64(-abs(x));
  return (x >= 0 ? 1.0 : e) / (1.0 + e);
}

/** sigmoid of two float64x2 (4 doubles), lane for lane as sigmoid64. */
// @ts-ignore: decorator
@inline
function sigmoid2(a: v128, b: v128, out: usize, signBit: v128, one: v128): void {
  const na = v128.or(a, signBit); // -|a|
  const nb = v128.or(b, signBit);
  if (expFast4(na, nb)) {
    const ea = expFastV(na);
    const eb = expFastV(nb);
    const numA = v128.bitselect(one, ea, f64x2.ge(a, f64x2.splat(0)));
    const numB = v128.bitselect(one, eb, f64x2.ge(b, f64x2.splat(0)));
    v128.store(out, f64x2.div(numA, f64x2.add(one, ea)));
    v128.store(out, f64x2.div(numB, f64x2.add(one, eb)), 16);
    return;
  }
  store<f64>(out, sigmoid64(f64x2.extract_lane(a, 0)));
  store<f64>(out, sigmoid64(f64x2.extract_lane(a, 1)), 8);
  store<f64>(out, sigmoid64(f64x2.extract_lane(b, 0)), 16);
  store<f64>(out, sigmoid64(f64x2.extract_lane(b, 1)), 24);
}

/** s * (1 - s) applied in place to 4 doubles at p. */
// @ts-ignore: decorator
@inline
function derive4(p: usize, one: v128): void {
  const s0 = v128.load(p);
  const s1 = v128.load(p, 16);
  v128.store(p, f64x2.mul(s0, f64x2.sub(one, s0)));
  v128.store(p, f64x2.mul(s1, f64x2.sub(one, s1)), 16);
}

/** sigmoid (derivative = 0) or s(1 - s) (derivative = 1) over a 2-D strided problem. */
// @ts-ignore: decorator
@inline
function sigmoidKernel<T>(derivative: bool, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, os0);
    let i = 0;
    if (ASC_FEATURE_SIMD && xs1 == 1 && os1 == 1) {
      const signBit = i64x2.splat(0x8000000000000000);
      const one = f64x2.splat(1.0);
      if (sizeof<T>() == 8) {
        for (; i + 4 <= cols; i += 4) {
          const p = <usize>i << 3;
          sigmoid2(v128.load(xr + p), v128.load(xr + p, 16), or + p, signBit, one);
          if (derivative) derive4(or + p, one);
        }
      } else {
        const scratch = memory.data(32, 16);
        for (; i + 4 <= cols; i += 4) {
          const v = v128.load(xr + (<usize>i << 2));
          const a = f64x2.promote_low_f32x4(v);
          const b = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
          sigmoid2(a, b, scratch, signBit, one);
          // float32 rounds s first, then computes s(1 - s) in float32, as NumPy's float32 formula does.
          const sa = f32x4.demote_f64x2_zero(v128.load(scratch));
          const sb = f32x4.demote_f64x2_zero(v128.load(scratch, 16));
          let s = i32x4.shuffle(sa, sb, 0, 1, 4, 5);
          if (derivative) s = f32x4.mul(s, f32x4.sub(f32x4.splat(1), s));
          v128.store(or + (<usize>i << 2), s);
        }
      }
    }
    for (; i < cols; i++) {
      const s = <T>sigmoid64(<f64>load<T>(at<T>(xr, i, xs1)));
      store<T>(at<T>(or, i, os1), derivative ? s * (<T>1 - s) : s);
    }
  }
}

export function sigmoid_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  sigmoidKernel<f64>(false, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sigmoid_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  sigmoidKernel<f32>(false, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sigmoidDerivative_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  sigmoidKernel<f64>(true, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sigmoidDerivative_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  sigmoidKernel<f32>(true, rows, cols, x, xs0, xs1, out, os0, os1);
}

// ---------------------------------------------------------------- row kernels

/** Largest element of a row (NaN propagates, as np.max). */
// @ts-ignore: decorator
@inline
function rowMax<T>(n: i32, x: usize, sx: isize): T {
  let m = load<T>(x);
  for (let i = 1; i < n; i++) {
    const v = load<T>(at<T>(x, i, sx));
    m = m > v || m != m ? m : v;
  }
  return m;
}

/** out[i] = exp(x[i] - shift) for a row; out is contiguous. */
// @ts-ignore: decorator
@inline
function expShifted<T>(n: i32, x: usize, sx: isize, shift: T, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD && sx == 1) {
    if (sizeof<T>() == 8) {
      const s = f64x2.splat(<f64>shift);
      for (; i + 4 <= n; i += 4) {
        const p = <usize>i << 3;
        const a = f64x2.sub(v128.load(x + p), s);
        const b = f64x2.sub(v128.load(x + p, 16), s);
        transcendental2(EXP, a, b, out + p);
      }
    } else {
      const s = f32x4.splat(<f32>shift);
      const scratch = memory.data(32, 16);
      for (; i + 4 <= n; i += 4) {
        const v = f32x4.sub(v128.load(x + (<usize>i << 2)), s);
        const a = f64x2.promote_low_f32x4(v);
        const b = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
        transcendental2(EXP, a, b, scratch);
        const ra = f32x4.demote_f64x2_zero(v128.load(scratch));
        const rb = f32x4.demote_f64x2_zero(v128.load(scratch, 16));
        v128.store(out + (<usize>i << 2), i32x4.shuffle(ra, rb, 0, 1, 4, 5));
      }
    }
  }
  for (; i < n; i++) store<T>(at<T>(out, i, 1), <T>exp64(<f64>(load<T>(at<T>(x, i, sx)) - shift)));
}

/** out[i] /= d over a contiguous row (a true division, as NumPy's). */
// @ts-ignore: decorator
@inline
function divideRow<T>(n: i32, x: usize, sx: isize, d: T, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD && sx == 1) {
    const lanes = 16 / sizeof<T>();
    const vd = sizeof<T>() == 8 ? f64x2.splat(<f64>d) : f32x4.splat(<f32>d);
    for (; i + lanes <= n; i += lanes) {
      const p = <usize>i * sizeof<T>();
      const v = v128.load(x + p);
      v128.store(out + p, sizeof<T>() == 8 ? f64x2.div(v, vd) : f32x4.div(v, vd));
    }
  }
  for (; i < n; i++) store<T>(at<T>(out, i, 1), load<T>(at<T>(x, i, sx)) / d);
}

// @ts-ignore: decorator
@inline
function softmaxRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, cols);
    const m = rowMax<T>(cols, xr, xs1);
    expShifted<T>(cols, xr, xs1, m, or);
    const s = pairwise<T>(MAP_IDENTITY, cols, or, 1, 0, 0);
    divideRow<T>(cols, or, 1, <T>0 + s, or);
  }
}

// @ts-ignore: decorator
@inline
function logSoftmaxRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, cols);
    let m = rowMax<T>(cols, xr, xs1);
    if (m - m != 0) m = <T>0; // an infinite (or NaN) max shifts by 0, as scipy does
    expShifted<T>(cols, xr, xs1, m, or);
    const logSum = <T>log64(<f64>(<T>0 + pairwise<T>(MAP_IDENTITY, cols, or, 1, 0, 0)));
    for (let i = 0; i < cols; i++) store<T>(at<T>(or, i, 1), (load<T>(at<T>(xr, i, xs1)) - m) - logSum);
  }
}

// @ts-ignore: decorator
@inline
function normalizeRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const norm = sqrt<T>(<T>0 + pairwise<T>(MAP_SQUARE, cols, xr, xs1, 0, 0));
    divideRow<T>(cols, xr, xs1, norm, at<T>(out, r, cols));
  }
}

export function softmaxRows_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  softmaxRows<f64>(rows, cols, x, xs0, xs1, out);
}
export function softmaxRows_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  softmaxRows<f32>(rows, cols, x, xs0, xs1, out);
}
export function logSoftmaxRows_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  logSoftmaxRows<f64>(rows, cols, x, xs0, xs1, out);
}
export function logSoftmaxRows_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  logSoftmaxRows<f32>(rows, cols, x, xs0, xs1, out);
}
export function normalizeRows_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  normalizeRows<f64>(rows, cols, x, xs0, xs1, out);
}
export function normalizeRows_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  normalizeRows<f32>(rows, cols, x, xs0, xs1, out);
}
