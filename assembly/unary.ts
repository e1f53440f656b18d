// Unary elementwise kernels: exp, log, sqrt, abs, square, negative, tanh.
// Exports are named <op>_<dtype>; each takes (rows, cols, x, xs0, xs1, out, os0, os1).
import { ABS, EXP, LOG, NEGATIVE, SQRT, SQUARE, TANH, at } from './common';
import { exp64 } from './exp';
import { MAP_EXP, mapWholeRow } from './exp-map';
import { expf32 } from './expf32';
import { log64, logBlock4, logBlock8 } from './log';
import { tanh64, tanhRow } from './tanh';
import { LOG_F32_AT, scratch } from './scratch';


/** The scalar form of op on one element of T (float32 goes through float64). */
// @ts-ignore: decorator
@inline
function scalarOp<T>(op: i32, x: T): T {
  if (isInteger<T>()) {
    if (op == ABS) return <T>abs<i32>(<i32>x);
    if (op == SQUARE) return <T>(<i32>x * <i32>x);
    return <T>(-<i32>x); // NEGATIVE
  }
  if (op == EXP) return sizeof<T>() == 4 ? <T>expf32(<f32>x) : <T>exp64(<f64>x);
  if (op == LOG) return <T>log64(<f64>x);
  if (op == SQRT) return sqrt<T>(x);
  if (op == ABS) return abs<T>(x);
  if (op == SQUARE) return x * x;
  if (op == NEGATIVE) return -x;
  return <T>tanh64(<f64>x); // TANH
}

/** The v128 form of the simple ops (not exp, log, tanh). */
// @ts-ignore: decorator
@inline
function vectorOp<T>(op: i32, x: v128, signMask: v128): v128 {
  if (isInteger<T>()) {
    if (op == ABS) return i32x4.abs(x);
    if (op == SQUARE) return i32x4.mul(x, x);
    return i32x4.neg(x);
  }
  if (op == ABS) return v128.and(x, signMask);
  if (op == NEGATIVE) return v128.xor(x, v128.not(signMask));
  if (op == SQUARE) return sizeof<T>() == 8 ? f64x2.mul(x, x) : f32x4.mul(x, x);
  return sizeof<T>() == 8 ? f64x2.sqrt(x) : f32x4.sqrt(x); // SQRT
}

/** op over a contiguous row of n elements: SIMD main loop, scalar tail. */
// @ts-ignore: decorator
@inline
function contiguousRow<T>(op: i32, n: i32, x: usize, out: usize): void {
  let i = 0;
  if (isFloat<T>() && op == TANH) {
    tanhRow<T>(n, x, out);
    return;
  }
  if (ASC_FEATURE_SIMD) {
    if (isFloat<T>() && op == EXP) {
      mapWholeRow<T>(MAP_EXP, n, x, out, <T>0);
      return;
    }
    if (isFloat<T>() && op == LOG) {
      if (sizeof<T>() == 8) {
        for (; i + 8 <= n; i += 8) {
          const p = <usize>i << 3;
          logBlock8(x + p, out + p);
        }
        for (; i + 4 <= n; i += 4) {
          const p = <usize>i << 3;
          logBlock4(v128.load(x + p), v128.load(x + p, 16), out + p);
        }
      } else {
        // float32 log: widen 4 floats to two float64x2, compute, round back (<= 0.5 ulp + a hair).
        const widened = scratch(LOG_F32_AT);
        for (; i + 4 <= n; i += 4) {
          const v = v128.load(x + (<usize>i << 2));
          const a = f64x2.promote_low_f32x4(v);
          const b = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
          logBlock4(a, b, widened);
          const ra = f32x4.demote_f64x2_zero(v128.load(widened));
          const rb = f32x4.demote_f64x2_zero(v128.load(widened, 16));
          v128.store(out + (<usize>i << 2), i32x4.shuffle(ra, rb, 0, 1, 4, 5));
        }
      }
    } else {
      const signMask = sizeof<T>() == 8 ? i64x2.splat(0x7fffffffffffffff) : i32x4.splat(0x7fffffff);
      const lanes = 16 / sizeof<T>();
      for (; i + lanes <= n; i += lanes) {
        const p = <usize>i * sizeof<T>();
        v128.store(out + p, vectorOp<T>(op, v128.load(x + p), signMask));
      }
    }
  }
  for (; i < n; i++) store<T>(at<T>(out, i, 1), scalarOp<T>(op, load<T>(at<T>(x, i, 1))));
}

// @ts-ignore: decorator
@inline
function unary<T>(op: i32, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, os0);
    if (xs1 == 1 && os1 == 1) {
      contiguousRow<T>(op, cols, xr, or);
    } else {
      for (let c = 0; c < cols; c++) store<T>(at<T>(or, c, os1), scalarOp<T>(op, load<T>(at<T>(xr, c, xs1))));
    }
  }
}

export function exp_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(EXP, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function exp_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(EXP, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(LOG, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(LOG, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sqrt_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(SQRT, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sqrt_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(SQRT, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function tanh_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(TANH, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function tanh_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(TANH, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function abs_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(ABS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function abs_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(ABS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function abs_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<i32>(ABS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function square_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(SQUARE, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function square_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(SQUARE, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function square_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<i32>(SQUARE, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function negative_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f64>(NEGATIVE, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function negative_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<f32>(NEGATIVE, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function negative_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unary<i32>(NEGATIVE, rows, cols, x, xs0, xs1, out, os0, os1);
}
