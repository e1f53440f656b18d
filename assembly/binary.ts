// Binary elementwise kernels with broadcasting by stride 0: add, subtract, multiply, divide,
// maximum, minimum, power. Exports <op>_<dtype> take
// (rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1).
import { ADD, DIVIDE, MAXIMUM, MINIMUM, MULTIPLY, POWER, SUBTRACT, at } from './common';

/** Integer power by squaring, wrapping as NumPy's int loops do (b >= 0, checked in TS). */
function ipow(a: i32, b: i32): i32 {
  let result = 1;
  let base = a;
  let e = b;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>= 1;
  }
  return result;
}

// @ts-ignore: decorator
@inline
function scalarOp<T>(op: i32, a: T, b: T): T {
  if (op == ADD) return a + b;
  if (op == SUBTRACT) return a - b;
  if (op == MULTIPLY) return a * b;
  if (op == DIVIDE) return a / b;
  // NumPy: maximum(a, b) = (a > b || isnan(a)) ? a : b, so ties give b and NaN propagates.
  if (op == MAXIMUM) return a > b || a != a ? a : b;
  if (op == MINIMUM) return a < b || a != a ? a : b;
  if (isInteger<T>()) return <T>ipow(<i32>a, <i32>b);
  // C's pow (NumPy's): 1 ** y and (-1) ** +-inf are 1, even for NaN y, unlike JS's Math.pow.
  if (a == 1 || (a == -1 && abs<T>(b) == <T>Infinity)) return <T>1;
  return <T>Math.pow(<f64>a, <f64>b); // POWER
}

// @ts-ignore: decorator
@inline
function vectorOp<T>(op: i32, a: v128, b: v128): v128 {
  if (isInteger<T>()) {
    if (op == ADD) return i32x4.add(a, b);
    if (op == SUBTRACT) return i32x4.sub(a, b);
    if (op == MULTIPLY) return i32x4.mul(a, b);
    if (op == MAXIMUM) return i32x4.max_s(a, b);
    return i32x4.min_s(a, b);
  }
  if (sizeof<T>() == 8) {
    if (op == ADD) return f64x2.add(a, b);
    if (op == SUBTRACT) return f64x2.sub(a, b);
    if (op == MULTIPLY) return f64x2.mul(a, b);
    if (op == DIVIDE) return f64x2.div(a, b);
    if (op == MAXIMUM) return v128.bitselect(a, b, v128.or(f64x2.gt(a, b), f64x2.ne(a, a)));
    return v128.bitselect(a, b, v128.or(f64x2.lt(a, b), f64x2.ne(a, a)));
  }
  if (op == ADD) return f32x4.add(a, b);
  if (op == SUBTRACT) return f32x4.sub(a, b);
  if (op == MULTIPLY) return f32x4.mul(a, b);
  if (op == DIVIDE) return f32x4.div(a, b);
  if (op == MAXIMUM) return v128.bitselect(a, b, v128.or(f32x4.gt(a, b), f32x4.ne(a, a)));
  return v128.bitselect(a, b, v128.or(f32x4.lt(a, b), f32x4.ne(a, a)));
}

/** A v128 of T with every lane holding the element at p. */
// @ts-ignore: decorator
@inline
function splatAt<T>(p: usize): v128 {
  if (sizeof<T>() == 8) return v128.load64_splat(p);
  return v128.load32_splat(p);
}

/** One row: SIMD when out is contiguous and each input is contiguous or a broadcast scalar. */
// @ts-ignore: decorator
@inline
function row<T>(op: i32, n: i32, a: usize, sa: isize, b: usize, sb: isize, out: usize, so: isize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD && op != POWER && !(isInteger<T>() && op == DIVIDE) && so == 1) {
    const lanes = 16 / sizeof<T>();
    if (sa == 1 && sb == 1) {
      for (; i + lanes <= n; i += lanes) {
        const p = <usize>i * sizeof<T>();
        v128.store(out + p, vectorOp<T>(op, v128.load(a + p), v128.load(b + p)));
      }
    } else if (sa == 1 && sb == 0) {
      const vb = splatAt<T>(b);
      for (; i + lanes <= n; i += lanes) {
        const p = <usize>i * sizeof<T>();
        v128.store(out + p, vectorOp<T>(op, v128.load(a + p), vb));
      }
    } else if (sa == 0 && sb == 1) {
      const va = splatAt<T>(a);
      for (; i + lanes <= n; i += lanes) {
        const p = <usize>i * sizeof<T>();
        v128.store(out + p, vectorOp<T>(op, va, v128.load(b + p)));
      }
    }
  }
  for (; i < n; i++) {
    store<T>(at<T>(out, i, so), scalarOp<T>(op, load<T>(at<T>(a, i, sa)), load<T>(at<T>(b, i, sb))));
  }
}

// @ts-ignore: decorator
@inline
function binary<T>(
  op: i32, rows: i32, cols: i32,
  a: usize, as0: isize, as1: isize,
  b: usize, bs0: isize, bs1: isize,
  out: usize, os0: isize, os1: isize,
): void {
  for (let r = 0; r < rows; r++) {
    row<T>(op, cols, at<T>(a, r, as0), as1, at<T>(b, r, bs0), bs1, at<T>(out, r, os0), os1);
  }
}

export function add_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(ADD, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function add_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(ADD, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function add_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<i32>(ADD, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function subtract_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(SUBTRACT, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function subtract_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(SUBTRACT, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function subtract_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<i32>(SUBTRACT, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function multiply_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(MULTIPLY, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function multiply_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(MULTIPLY, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function multiply_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<i32>(MULTIPLY, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function divide_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(DIVIDE, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function divide_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(DIVIDE, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function maximum_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(MAXIMUM, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function maximum_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(MAXIMUM, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function maximum_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<i32>(MAXIMUM, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function minimum_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(MINIMUM, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function minimum_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(MINIMUM, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function minimum_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<i32>(MINIMUM, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function power_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f64>(POWER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function power_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<f32>(POWER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function power_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binary<i32>(POWER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
