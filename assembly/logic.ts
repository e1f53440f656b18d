// Comparisons, logic and where: NumPy's bool-valued ufuncs and its three-operand select.
// Comparisons <op>_<dtype>(rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1) write bytes of
// 0/1 (bool); isnan/isinf/isfinite take (rows, cols, x, xs0, xs1, out, os0, os1); the logical
// ops work on bools (TS casts other dtypes first); where_<dtype> takes the condition's bytes,
// then x, y and out, each with two strides. Strides are in elements; 0 broadcasts.
import { at } from './common';

// Comparison codes.
const EQUAL = 0;
const NOT_EQUAL = 1;
const LESS = 2;
const LESS_EQUAL = 3;
const GREATER = 4;
const GREATER_EQUAL = 5;
// Logical codes (on bytes holding 0 or 1).
const AND = 0;
const OR = 1;
const XOR = 2;
// Float classification codes.
const IS_NAN = 0;
const IS_INF = 1;
const IS_FINITE = 2;

/** The comparison on two elements; NaN compares false, except with NOT_EQUAL (IEEE, as NumPy). */
// @ts-ignore: decorator
@inline
function compare<T>(op: i32, a: T, b: T): bool {
  if (op == EQUAL) return a == b;
  if (op == NOT_EQUAL) return a != b;
  if (op == LESS) return a < b;
  if (op == LESS_EQUAL) return a <= b;
  if (op == GREATER) return a > b;
  return a >= b;
}

/** The comparison on vectors: a lane mask (all ones where true). */
// @ts-ignore: decorator
@inline
function compareV<T>(op: i32, a: v128, b: v128): v128 {
  if (isFloat<T>() && sizeof<T>() == 8) {
    if (op == EQUAL) return f64x2.eq(a, b);
    if (op == NOT_EQUAL) return f64x2.ne(a, b);
    if (op == LESS) return f64x2.lt(a, b);
    if (op == LESS_EQUAL) return f64x2.le(a, b);
    if (op == GREATER) return f64x2.gt(a, b);
    return f64x2.ge(a, b);
  }
  if (isFloat<T>()) {
    if (op == EQUAL) return f32x4.eq(a, b);
    if (op == NOT_EQUAL) return f32x4.ne(a, b);
    if (op == LESS) return f32x4.lt(a, b);
    if (op == LESS_EQUAL) return f32x4.le(a, b);
    if (op == GREATER) return f32x4.gt(a, b);
    return f32x4.ge(a, b);
  }
  if (sizeof<T>() == 4) {
    if (op == EQUAL) return i32x4.eq(a, b);
    if (op == NOT_EQUAL) return i32x4.ne(a, b);
    if (op == LESS) return i32x4.lt_s(a, b);
    if (op == LESS_EQUAL) return i32x4.le_s(a, b);
    if (op == GREATER) return i32x4.gt_s(a, b);
    return i32x4.ge_s(a, b);
  }
  if (op == EQUAL) return i8x16.eq(a, b);
  if (op == NOT_EQUAL) return i8x16.ne(a, b);
  if (op == LESS) return i8x16.lt_u(a, b);
  if (op == LESS_EQUAL) return i8x16.le_u(a, b);
  if (op == GREATER) return i8x16.gt_u(a, b);
  return i8x16.ge_u(a, b);
}

/** Element i's vector of a row: loaded when the row steps by 1, the splat when it is broadcast. */
// @ts-ignore: decorator
@inline
function lanesAt<T>(base: usize, step: isize, i: i32, splat: v128): v128 {
  return step == 0 ? splat : v128.load(base + <usize>i * sizeof<T>());
}

/** Float classification of a vector: a lane mask. */
// @ts-ignore: decorator
@inline
function classifyV<T>(op: i32, v: v128): v128 {
  if (sizeof<T>() == 8) {
    if (op == IS_NAN) return f64x2.ne(v, v);
    if (op == IS_INF) return f64x2.eq(f64x2.abs(v), f64x2.splat(Infinity));
    return f64x2.lt(f64x2.abs(v), f64x2.splat(Infinity));
  }
  if (op == IS_NAN) return f32x4.ne(v, v);
  if (op == IS_INF) return f32x4.eq(f32x4.abs(v), f32x4.splat(Infinity));
  return f32x4.lt(f32x4.abs(v), f32x4.splat(Infinity));
}

const COMPARE = 0;
const CLASSIFY = 1;

/** The lane mask of the vector that starts at element i: a comparison of a and b, or a classification of a. */
// @ts-ignore: decorator
@inline
function maskAt<T>(kind: i32, op: i32, a: usize, sa: isize, b: usize, sb: isize, i: i32, va: v128, vb: v128): v128 {
  if (kind == CLASSIFY) return classifyV<T>(op, v128.load(a + <usize>i * sizeof<T>()));
  return compareV<T>(op, lanesAt<T>(a, sa, i, va), lanesAt<T>(b, sb, i, vb));
}

/** The lane masks of 16 elements from i, narrowed to 16 bytes of 0 or 1. */
// @ts-ignore: decorator
@inline
function bytes16<T>(kind: i32, op: i32, a: usize, sa: isize, b: usize, sb: isize, i: i32, va: v128, vb: v128): v128 {
  const one = i8x16.splat(1);
  if (sizeof<T>() == 1) return v128.and(maskAt<T>(kind, op, a, sa, b, sb, i, va, vb), one);
  let q0: v128, q1: v128, q2: v128, q3: v128;
  if (sizeof<T>() == 4) {
    q0 = maskAt<T>(kind, op, a, sa, b, sb, i, va, vb);
    q1 = maskAt<T>(kind, op, a, sa, b, sb, i + 4, va, vb);
    q2 = maskAt<T>(kind, op, a, sa, b, sb, i + 8, va, vb);
    q3 = maskAt<T>(kind, op, a, sa, b, sb, i + 12, va, vb);
  } else {
    // float64: each 64-bit mask lane is all ones or all zeros, so its low half stands for it.
    q0 = i32x4.shuffle(maskAt<T>(kind, op, a, sa, b, sb, i, va, vb), maskAt<T>(kind, op, a, sa, b, sb, i + 2, va, vb), 0, 2, 4, 6);
    q1 = i32x4.shuffle(maskAt<T>(kind, op, a, sa, b, sb, i + 4, va, vb), maskAt<T>(kind, op, a, sa, b, sb, i + 6, va, vb), 0, 2, 4, 6);
    q2 = i32x4.shuffle(maskAt<T>(kind, op, a, sa, b, sb, i + 8, va, vb), maskAt<T>(kind, op, a, sa, b, sb, i + 10, va, vb), 0, 2, 4, 6);
    q3 = i32x4.shuffle(maskAt<T>(kind, op, a, sa, b, sb, i + 12, va, vb), maskAt<T>(kind, op, a, sa, b, sb, i + 14, va, vb), 0, 2, 4, 6);
  }
  return v128.and(i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(q0, q1), i16x8.narrow_i32x4_s(q2, q3)), one);
}

// @ts-ignore: decorator
@inline
function splatOf<T>(p: usize): v128 {
  if (sizeof<T>() == 8) return v128.load64_splat(p);
  if (sizeof<T>() == 4) return v128.load32_splat(p);
  return v128.load8_splat(p);
}

/** One row of a comparison: 16 elements at a time when out is contiguous, each input contiguous or broadcast. */
// @ts-ignore: decorator
@inline
function compareRow<T>(op: i32, n: i32, a: usize, sa: isize, b: usize, sb: isize, out: usize, so: isize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD && so == 1) {
    const va = splatOf<T>(a);
    const vb = splatOf<T>(b);
    // Literal steps, so that each loop is compiled with its loads or splats fixed.
    if (sa == 1 && sb == 1) {
      for (; i + 16 <= n; i += 16) v128.store(out + <usize>i, bytes16<T>(COMPARE, op, a, 1, b, 1, i, va, vb));
    } else if (sa == 1 && sb == 0) {
      for (; i + 16 <= n; i += 16) v128.store(out + <usize>i, bytes16<T>(COMPARE, op, a, 1, b, 0, i, va, vb));
    } else if (sa == 0 && sb == 1) {
      for (; i + 16 <= n; i += 16) v128.store(out + <usize>i, bytes16<T>(COMPARE, op, a, 0, b, 1, i, va, vb));
    }
  }
  for (; i < n; i++) {
    store<u8>(at<u8>(out, i, so), compare<T>(op, load<T>(at<T>(a, i, sa)), load<T>(at<T>(b, i, sb))) ? 1 : 0);
  }
}

// @ts-ignore: decorator
@inline
function comparison<T>(op: i32, rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    compareRow<T>(op, cols, at<T>(a, r, as0), as1, at<T>(b, r, bs0), bs1, at<u8>(out, r, os0), os1);
  }
}

/** Float classification of one element. */
// @ts-ignore: decorator
@inline
function classify<T>(op: i32, x: T): bool {
  if (op == IS_NAN) return x != x;
  if (op == IS_INF) return abs<T>(x) == <T>Infinity;
  return abs<T>(x) < <T>Infinity; // IS_FINITE: false for NaN too
}

// @ts-ignore: decorator
@inline
function classification<T>(op: i32, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<u8>(out, r, os0);
    let c = 0;
    if (ASC_FEATURE_SIMD && xs1 == 1 && os1 == 1) {
      const none = i8x16.splat(0);
      for (; c + 16 <= cols; c += 16) v128.store(or + <usize>c, bytes16<T>(CLASSIFY, op, xr, 1, 0, 0, c, none, none));
    }
    for (; c < cols; c++) store<u8>(at<u8>(or, c, os1), classify<T>(op, load<T>(at<T>(xr, c, xs1))) ? 1 : 0);
  }
}

// ---------------------------------------------------------------- logical ops on bools

// @ts-ignore: decorator
@inline
function logicalV(op: i32, a: v128, b: v128): v128 {
  if (op == AND) return v128.and(a, b);
  if (op == OR) return v128.or(a, b);
  return v128.xor(a, b);
}

// @ts-ignore: decorator
@inline
function logical(op: i32, rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const ar = at<u8>(a, r, as0);
    const br = at<u8>(b, r, bs0);
    const or = at<u8>(out, r, os0);
    let i = 0;
    if (ASC_FEATURE_SIMD && os1 == 1 && (as1 | bs1) >= 0 && as1 <= 1 && bs1 <= 1) {
      const va = v128.load8_splat(ar);
      const vb = v128.load8_splat(br);
      for (; i + 16 <= cols; i += 16) {
        v128.store(or + <usize>i, logicalV(op, lanesAt<u8>(ar, as1, i, va), lanesAt<u8>(br, bs1, i, vb)));
      }
    }
    for (; i < cols; i++) {
      const x = load<u8>(at<u8>(ar, i, as1));
      const y = load<u8>(at<u8>(br, i, bs1));
      store<u8>(at<u8>(or, i, os1), op == AND ? x & y : op == OR ? x | y : x ^ y);
    }
  }
}

export function logicalAnd_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  logical(AND, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function logicalOr_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  logical(OR, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function logicalXor_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  logical(XOR, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}

/** logical_not of bools: x ^ 1 (its input holds 0 or 1). */
export function logicalNot_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<u8>(x, r, xs0);
    const or = at<u8>(out, r, os0);
    let i = 0;
    if (ASC_FEATURE_SIMD && xs1 == 1 && os1 == 1) {
      const one = i8x16.splat(1);
      for (; i + 16 <= cols; i += 16) v128.store(or + <usize>i, v128.xor(v128.load(xr + <usize>i), one));
    }
    for (; i < cols; i++) store<u8>(at<u8>(or, i, os1), load<u8>(at<u8>(xr, i, xs1)) ^ 1);
  }
}

// ---------------------------------------------------------------- where

/** Four float64 elements from j: x where the 32-bit lanes of w are all ones, else y. */
// @ts-ignore: decorator
@inline
function select4x64<T>(p: usize, x: usize, sx: isize, y: usize, sy: isize, j: i32, vx: v128, vy: v128, w: v128): void {
  v128.store(p, v128.bitselect(lanesAt<T>(x, sx, j, vx), lanesAt<T>(y, sy, j, vy), i64x2.extend_low_i32x4_s(w)));
  v128.store(p, v128.bitselect(lanesAt<T>(x, sx, j + 2, vx), lanesAt<T>(y, sy, j + 2, vy), i64x2.extend_high_i32x4_s(w)), 16);
}

/** One row of where: 16 elements at a time (the condition's bytes widened to lane masks). */
// @ts-ignore: decorator
@inline
function selectRow<T>(n: i32, c: usize, sc: isize, x: usize, sx: isize, y: usize, sy: isize, out: usize, so: isize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD && sc == 1 && so == 1 && sx >= 0 && sx <= 1 && sy >= 0 && sy <= 1) {
    const vx = splatOf<T>(x);
    const vy = splatOf<T>(y);
    const zero = i8x16.splat(0);
    for (; i + 16 <= n; i += 16) {
      const bytes = i8x16.ne(v128.load(c + <usize>i), zero); // 0xff where the condition holds
      if (sizeof<T>() == 1) {
        v128.store(out + <usize>i, v128.bitselect(lanesAt<T>(x, sx, i, vx), lanesAt<T>(y, sy, i, vy), bytes));
        continue;
      }
      const lo = i16x8.extend_low_i8x16_s(bytes);
      const hi = i16x8.extend_high_i8x16_s(bytes);
      const w0 = i32x4.extend_low_i16x8_s(lo);
      const w1 = i32x4.extend_high_i16x8_s(lo);
      const w2 = i32x4.extend_low_i16x8_s(hi);
      const w3 = i32x4.extend_high_i16x8_s(hi);
      if (sizeof<T>() == 4) {
        const p = out + (<usize>i << 2);
        v128.store(p, v128.bitselect(lanesAt<T>(x, sx, i, vx), lanesAt<T>(y, sy, i, vy), w0));
        v128.store(p, v128.bitselect(lanesAt<T>(x, sx, i + 4, vx), lanesAt<T>(y, sy, i + 4, vy), w1), 16);
        v128.store(p, v128.bitselect(lanesAt<T>(x, sx, i + 8, vx), lanesAt<T>(y, sy, i + 8, vy), w2), 32);
        v128.store(p, v128.bitselect(lanesAt<T>(x, sx, i + 12, vx), lanesAt<T>(y, sy, i + 12, vy), w3), 48);
      } else {
        const p = out + (<usize>i << 3);
        select4x64<T>(p, x, sx, y, sy, i, vx, vy, w0);
        select4x64<T>(p + 32, x, sx, y, sy, i + 4, vx, vy, w1);
        select4x64<T>(p + 64, x, sx, y, sy, i + 8, vx, vy, w2);
        select4x64<T>(p + 96, x, sx, y, sy, i + 12, vx, vy, w3);
      }
    }
  }
  for (; i < n; i++) {
    const pick = load<u8>(at<u8>(c, i, sc)) != 0;
    store<T>(at<T>(out, i, so), pick ? load<T>(at<T>(x, i, sx)) : load<T>(at<T>(y, i, sy)));
  }
}

// @ts-ignore: decorator
@inline
function where<T>(rows: i32, cols: i32, c: usize, cs0: isize, cs1: isize, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    selectRow<T>(cols, at<u8>(c, r, cs0), cs1, at<T>(x, r, xs0), xs1, at<T>(y, r, ys0), ys1, at<T>(out, r, os0), os1);
  }
}

export function where_f64(rows: i32, cols: i32, c: usize, cs0: isize, cs1: isize, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os0: isize, os1: isize): void {
  where<f64>(rows, cols, c, cs0, cs1, x, xs0, xs1, y, ys0, ys1, out, os0, os1);
}
export function where_f32(rows: i32, cols: i32, c: usize, cs0: isize, cs1: isize, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os0: isize, os1: isize): void {
  where<f32>(rows, cols, c, cs0, cs1, x, xs0, xs1, y, ys0, ys1, out, os0, os1);
}
export function where_i32(rows: i32, cols: i32, c: usize, cs0: isize, cs1: isize, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os0: isize, os1: isize): void {
  where<i32>(rows, cols, c, cs0, cs1, x, xs0, xs1, y, ys0, ys1, out, os0, os1);
}
export function where_u8(rows: i32, cols: i32, c: usize, cs0: isize, cs1: isize, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os0: isize, os1: isize): void {
  where<u8>(rows, cols, c, cs0, cs1, x, xs0, xs1, y, ys0, ys1, out, os0, os1);
}

// ---------------------------------------------------------------- exports

export function equal_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f64>(EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function equal_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f32>(EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function equal_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<i32>(EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function equal_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<u8>(EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function notEqual_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f64>(NOT_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function notEqual_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f32>(NOT_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function notEqual_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<i32>(NOT_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function notEqual_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<u8>(NOT_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function less_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f64>(LESS, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function less_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f32>(LESS, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function less_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<i32>(LESS, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function less_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<u8>(LESS, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function lessEqual_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f64>(LESS_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function lessEqual_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f32>(LESS_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function lessEqual_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<i32>(LESS_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function lessEqual_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<u8>(LESS_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greater_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f64>(GREATER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greater_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f32>(GREATER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greater_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<i32>(GREATER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greater_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<u8>(GREATER, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greaterEqual_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f64>(GREATER_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greaterEqual_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<f32>(GREATER_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greaterEqual_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<i32>(GREATER_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function greaterEqual_u8(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  comparison<u8>(GREATER_EQUAL, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function isnan_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  classification<f64>(IS_NAN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function isnan_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  classification<f32>(IS_NAN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function isinf_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  classification<f64>(IS_INF, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function isinf_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  classification<f32>(IS_INF, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function isfinite_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  classification<f64>(IS_FINITE, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function isfinite_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  classification<f32>(IS_FINITE, rows, cols, x, xs0, xs1, out, os0, os1);
}
