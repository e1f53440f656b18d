// Fused neural-network kernels: sigmoid and its derivative (through a 2 KiB chunk buffer), and row
// kernels for softmax, log-softmax and row normalisation, which write only their output (no
// temporary arrays).
// Sums inside them are NumPy's pairwise sums, so results match NumPy's formulas closely:
//   softmax:       e = exp(x - max); e / sum(e)            (the lesson's stable form)
//   log-softmax:   (x - max) - log(sum(exp(x - max)))      (scipy.special.log_softmax)
//   normalizeRows: x / sqrt(sum(x * x))                    (x / np.linalg.norm(x, axis=1))
import { at } from './common';
import { MAP_EXP_NEG_ABS, MAP_EXP_SHIFTED, mapScalar, mapWholeRow } from './exp-map';
import { log64 } from './log';
import { MAP_IDENTITY, MAP_SQUARE, pairwise } from './pairwise';
import { SIGMOID_AT, SIGMOID_CHUNK_BYTES, scratch } from './scratch';

// The sigmoid takes two loops over a chunk of a row: e = e^-|x| into a scratch chunk (exp's own
// loop, at exp's speed), then the quotient. One loop doing both ran 20% slower: its body, exp's
// chain of dependent steps and then a division, was too long for the CPU to overlap iterations.

/**
 * 1 / (1 + e^-x) without overflow, from e = e^-|x|: (x >= 0 ? 1 : e) / (1 + e); with
 * derivative, s (1 - s).
 */
// @ts-ignore: decorator
@inline
function sigmoidOf<T>(derivative: bool, x: T, e: T): T {
  const s = (x >= 0 ? <T>1 : e) / (<T>1 + e);
  return derivative ? s * (<T>1 - s) : s;
}

/** sigmoidOf on vectors: the numerator as max(e, (x >= 0) AND 1), as e <= 1 (two ops, not a select's three). */
// @ts-ignore: decorator
@inline
function sigmoidOfV<T>(derivative: bool, x: v128, e: v128, one: v128, zero: v128): v128 {
  const wide = sizeof<T>() == 8;
  const nonNegative = wide ? f64x2.ge(x, zero) : f32x4.ge(x, zero);
  const numerator = wide ? f64x2.pmax(e, v128.and(nonNegative, one)) : f32x4.pmax(e, v128.and(nonNegative, one));
  const s = wide ? f64x2.div(numerator, f64x2.add(one, e)) : f32x4.div(numerator, f32x4.add(one, e));
  if (!derivative) return s;
  return wide ? f64x2.mul(s, f64x2.sub(one, s)) : f32x4.mul(s, f32x4.sub(one, s));
}

/** The sigmoid of a contiguous row, chunk by chunk, into out (which may be x). */
// @ts-ignore: decorator
@inline
function sigmoidRow<T>(derivative: bool, n: i32, x: usize, out: usize): void {
  const w = sizeof<T>();
  const lanes = 16 / <i32>w;
  const one = w == 8 ? f64x2.splat(1) : f32x4.splat(1);
  const zero = i64x2.splat(0);
  const chunk = <i32>SIGMOID_CHUNK_BYTES / <i32>w;
  const exps = scratch(SIGMOID_AT);
  for (let i = 0; i < n; i += chunk) {
    const xc = x + <usize>i * w;
    const oc = out + <usize>i * w;
    const len = min(chunk, n - i);
    mapWholeRow<T>(MAP_EXP_NEG_ABS, len, xc, exps, 0);
    let j = 0;
    for (; j + 4 * lanes <= len; j += 4 * lanes) {
      const p = <usize>j * w;
      const q = exps + p;
      v128.store(oc + p, sigmoidOfV<T>(derivative, v128.load(xc + p), v128.load(q), one, zero));
      v128.store(oc + p, sigmoidOfV<T>(derivative, v128.load(xc + p, 16), v128.load(q, 16), one, zero), 16);
      v128.store(oc + p, sigmoidOfV<T>(derivative, v128.load(xc + p, 32), v128.load(q, 32), one, zero), 32);
      v128.store(oc + p, sigmoidOfV<T>(derivative, v128.load(xc + p, 48), v128.load(q, 48), one, zero), 48);
    }
    for (; j < len; j++) {
      const p = <usize>j * w;
      store<T>(oc + p, sigmoidOf<T>(derivative, load<T>(xc + p), load<T>(exps + p)));
    }
  }
}

/** sigmoid (derivative = 0) or s(1 - s) (derivative = 1) over a 2-D strided problem. */
// @ts-ignore: decorator
@inline
function sigmoidKernel<T>(derivative: bool, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, os0);
    if (ASC_FEATURE_SIMD && xs1 == 1 && os1 == 1) {
      sigmoidRow<T>(derivative, cols, xr, or);
      continue;
    }
    for (let i = 0; i < cols; i++) {
      const v = load<T>(at<T>(xr, i, xs1));
      store<T>(at<T>(or, i, os1), sigmoidOf<T>(derivative, v, mapScalar<T>(MAP_EXP_NEG_ABS, v, <T>0)));
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

/**
 * Largest element of a row, for the shift of softmax. A NaN may be skipped here (pmax keeps
 * its first operand), but it still turns the whole row to NaN through exp and the sum, as in
 * NumPy, where the max itself is NaN.
 */
// @ts-ignore: decorator
@inline
function rowMax<T>(n: i32, x: usize, sx: isize): T {
  let i = 0;
  let m = load<T>(x);
  if (ASC_FEATURE_SIMD && sx == 1 && n >= 64 / sizeof<T>()) {
    const lanes = 16 / sizeof<T>();
    const wide = sizeof<T>() == 8;
    // Four chains of pmax: one waits on pmax's latency at every step.
    let m0 = v128.load(x);
    let m1 = v128.load(x, 16);
    let m2 = v128.load(x, 32);
    let m3 = v128.load(x, 48);
    for (i = 4 * lanes; i + 4 * lanes <= n; i += 4 * lanes) {
      const p = x + <usize>i * sizeof<T>();
      m0 = wide ? f64x2.pmax(m0, v128.load(p)) : f32x4.pmax(m0, v128.load(p));
      m1 = wide ? f64x2.pmax(m1, v128.load(p, 16)) : f32x4.pmax(m1, v128.load(p, 16));
      m2 = wide ? f64x2.pmax(m2, v128.load(p, 32)) : f32x4.pmax(m2, v128.load(p, 32));
      m3 = wide ? f64x2.pmax(m3, v128.load(p, 48)) : f32x4.pmax(m3, v128.load(p, 48));
    }
    const v = wide ? f64x2.pmax(f64x2.pmax(m0, m1), f64x2.pmax(m2, m3)) : f32x4.pmax(f32x4.pmax(m0, m1), f32x4.pmax(m2, m3));
    if (wide) {
      m = <T>max<f64>(f64x2.extract_lane(v, 0), f64x2.extract_lane(v, 1));
    } else {
      m = <T>max<f32>(max<f32>(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max<f32>(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
    }
  }
  for (; i < n; i++) {
    const v = load<T>(at<T>(x, i, sx));
    m = m > v || m != m ? m : v;
  }
  return m;
}

/** out[i] = exp(x[i] - shift) for a row; out is contiguous. */
// @ts-ignore: decorator
@inline
function expShifted<T>(n: i32, x: usize, sx: isize, shift: T, out: usize): void {
  if (ASC_FEATURE_SIMD && sx == 1) {
    mapWholeRow<T>(MAP_EXP_SHIFTED, n, x, out, shift);
    return;
  }
  for (let i = 0; i < n; i++) store<T>(at<T>(out, i, 1), mapScalar<T>(MAP_EXP_SHIFTED, load<T>(at<T>(x, i, sx)), shift));
}

/**
 * e[i] / sum over a contiguous row of exponentials, in place, as e[i] * (1 / sum): a division per
 * element costs more than the rest of softmax but exp. Within 1.5 ulp of the true quotient; the
 * relaxed-SIMD build refines each one with two fused steps, y + (e - y sum) / sum, to within 1.
 */
// @ts-ignore: decorator
@inline
function scaleRow<T>(n: i32, e: usize, sum: T): void {
  const inverse: T = <T>1 / sum;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const lanes = 16 / sizeof<T>();
    const vs = sizeof<T>() == 8 ? f64x2.splat(<f64>sum) : f32x4.splat(<f32>sum);
    const vr = sizeof<T>() == 8 ? f64x2.splat(<f64>inverse) : f32x4.splat(<f32>inverse);
    for (; i + 4 * lanes <= n; i += 4 * lanes) {
      const p = e + <usize>i * sizeof<T>();
      v128.store(p, quotient<T>(v128.load(p), vs, vr));
      v128.store(p, quotient<T>(v128.load(p, 16), vs, vr), 16);
      v128.store(p, quotient<T>(v128.load(p, 32), vs, vr), 32);
      v128.store(p, quotient<T>(v128.load(p, 48), vs, vr), 48);
    }
    for (; i + lanes <= n; i += lanes) {
      const p = e + <usize>i * sizeof<T>();
      v128.store(p, quotient<T>(v128.load(p), vs, vr));
    }
    // The tail through the same vector steps (lane 0 of a splat): no result depends on position.
    for (; i < n; i++) {
      const p = at<T>(e, i, 1);
      const v = sizeof<T>() == 8 ? f64x2.splat(<f64>load<T>(p)) : f32x4.splat(<f32>load<T>(p));
      const y = quotient<T>(v, vs, vr);
      store<T>(p, sizeof<T>() == 8 ? <T>f64x2.extract_lane(y, 0) : <T>f32x4.extract_lane(y, 0));
    }
    return;
  }
  for (; i < n; i++) store<T>(at<T>(e, i, 1), load<T>(at<T>(e, i, 1)) * inverse);
}

/** e / sum on each lane, as e * (1 / sum) (refined where multiply-adds are fused). */
// @ts-ignore: decorator
@inline
function quotient<T>(e: v128, sum: v128, inverse: v128): v128 {
  const wide = sizeof<T>() == 8;
  const y = wide ? f64x2.mul(e, inverse) : f32x4.mul(e, inverse);
  if (!ASC_FEATURE_RELAXED_SIMD) return y;
  const residual = wide ? f64x2.relaxed_nmadd(y, sum, e) : f32x4.relaxed_nmadd(y, sum, e);
  return wide ? f64x2.relaxed_madd(residual, inverse, y) : f32x4.relaxed_madd(residual, inverse, y);
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
  // The sum reads the row of exps just written, in cache: what it reads is that row alone.
  const rowBytes = <usize>cols * sizeof<T>();
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, cols);
    const m = rowMax<T>(cols, xr, xs1);
    expShifted<T>(cols, xr, xs1, m, or);
    const s = pairwise<T>(MAP_IDENTITY, cols, or, 1, 0, 0, rowBytes);
    scaleRow<T>(cols, or, <T>0 + s);
  }
}

// @ts-ignore: decorator
@inline
function logSoftmaxRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  const rowBytes = <usize>cols * sizeof<T>(); // as in softmaxRows
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, cols);
    let m = rowMax<T>(cols, xr, xs1);
    if (m - m != 0) m = <T>0; // an infinite (or NaN) max shifts by 0, as scipy does
    expShifted<T>(cols, xr, xs1, m, or);
    const logSum = <T>log64(<f64>(<T>0 + pairwise<T>(MAP_IDENTITY, cols, or, 1, 0, 0, rowBytes)));
    for (let i = 0; i < cols; i++) store<T>(at<T>(or, i, 1), (load<T>(at<T>(xr, i, xs1)) - m) - logSum);
  }
}

// @ts-ignore: decorator
@inline
function normalizeRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize): void {
  // The squares' sum is the first read of each row: past the cache it streams from memory.
  const callBytes = <usize>rows * <usize>cols * sizeof<T>();
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const norm = sqrt<T>(<T>0 + pairwise<T>(MAP_SQUARE, cols, xr, xs1, 0, 0, callBytes));
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
