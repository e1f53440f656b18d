// More elementwise math: NumPy's trigonometric, hyperbolic, logarithmic and rounding ufuncs, and
// the binary arctan2, mod (remainder) and floor_divide. Unary exports <op>_<dtype> take
// (rows, cols, x, xs0, xs1, out, os0, os1); binary ones (rows, cols, a, as0, as1, b, bs0, bs1,
// out, os0, os1), strides in elements. The transcendental functions are AssemblyScript's Math, a
// port of musl's (within 1 ulp in float64); float32 computes in float64 and rounds once.
import { at } from './common';

const SIN = 0;
const COS = 1;
const TAN = 2;
const ARCSIN = 3;
const ARCCOS = 4;
const ARCTAN = 5;
const SINH = 6;
const COSH = 7;
const LOG1P = 8;
const EXPM1 = 9;
const LOG2 = 10;
const LOG10 = 11;
const EXP2 = 12;
const FLOOR = 13;
const CEIL = 14;
const TRUNC = 15;
const RINT = 16;
const SIGN = 17;
const RECIPROCAL = 18;

/** One element: float types only, except sign and reciprocal, which have int32 forms. */
// @ts-ignore: decorator
@inline
function scalarOp<T>(op: i32, x: T): T {
  if (isInteger<T>()) {
    const i = <i32>x;
    if (op == SIGN) return <T>(i32(i > 0) - i32(i < 0));
    // RECIPROCAL: 1 / x in integer division; x86 gives INT_MIN for 1 / 0, as NumPy shows.
    return <T>(i == 1 ? 1 : i == -1 ? -1 : i == 0 ? i32.MIN_VALUE : 0);
  }
  if (op == FLOOR) return floor<T>(x);
  if (op == CEIL) return ceil<T>(x);
  if (op == TRUNC) return trunc<T>(x);
  if (op == RINT) return nearest<T>(x); // halves to even
  if (op == SIGN) return x > <T>0 ? <T>1 : x < <T>0 ? <T>-1 : x == <T>0 ? <T>0 : x; // NaN stays
  if (op == RECIPROCAL) return <T>1 / x;
  const v = <f64>x;
  if (op == SIN) return <T>Math.sin(v);
  if (op == COS) return <T>Math.cos(v);
  if (op == TAN) return <T>Math.tan(v);
  if (op == ARCSIN) return <T>Math.asin(v);
  if (op == ARCCOS) return <T>Math.acos(v);
  if (op == ARCTAN) return <T>Math.atan(v);
  if (op == SINH) return <T>Math.sinh(v);
  if (op == COSH) return <T>Math.cosh(v);
  if (op == LOG1P) return <T>Math.log1p(v);
  if (op == EXPM1) return <T>Math.expm1(v);
  if (op == LOG2) return <T>Math.log2(v);
  if (op == LOG10) return <T>Math.log10(v);
  if (op == EXP2) return <T>Math.exp2(v);
  return x;
}

/** The ops that have a v128 instruction; others return x unchanged (never called). */
// @ts-ignore: decorator
@inline
function vectorOp<T>(op: i32, x: v128): v128 {
  if (sizeof<T>() == 8) {
    if (op == FLOOR) return f64x2.floor(x);
    if (op == CEIL) return f64x2.ceil(x);
    if (op == TRUNC) return f64x2.trunc(x);
    if (op == RINT) return f64x2.nearest(x);
    return f64x2.div(f64x2.splat(1), x); // RECIPROCAL
  }
  if (op == FLOOR) return f32x4.floor(x);
  if (op == CEIL) return f32x4.ceil(x);
  if (op == TRUNC) return f32x4.trunc(x);
  if (op == RINT) return f32x4.nearest(x);
  return f32x4.div(f32x4.splat(1), x); // RECIPROCAL
}

// @ts-ignore: decorator
@inline
function unaryMath<T>(op: i32, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  const vectorized = ASC_FEATURE_SIMD && isFloat<T>() && op >= FLOOR && op != SIGN;
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, os0);
    let c = 0;
    if (vectorized && xs1 == 1 && os1 == 1) {
      const lanes = 16 / sizeof<T>();
      for (; c + lanes <= cols; c += lanes) {
        const p = <usize>c * sizeof<T>();
        v128.store(or + p, vectorOp<T>(op, v128.load(xr + p)));
      }
    }
    for (; c < cols; c++) store<T>(at<T>(or, c, os1), scalarOp<T>(op, load<T>(at<T>(xr, c, xs1))));
  }
}

// ---------------------------------------------------------------- binary

const ARCTAN2 = 0;
const MOD = 1;
const FLOOR_DIVIDE = 2;

/**
 * NumPy's npy_divmod for floats: the floored quotient and Python's remainder (sign of b),
 * from fmod, with the quotient snapped to an integer. b == 0 gives fmod's NaN and a / b.
 */
// @ts-ignore: decorator
@inline
function floatDivmod<T>(op: i32, a: T, b: T): T {
  const mod0: T = a % b; // fmod: exact
  if (b == <T>0) return op == MOD ? mod0 : a / b;
  let mod = mod0;
  let div: T = (a - mod) / b;
  if (mod != <T>0) {
    if ((b < <T>0) != (mod < <T>0)) {
      mod += b;
      div -= <T>1;
    }
  } else {
    mod = copysign<T>(<T>0, b);
  }
  if (op == MOD) return mod;
  let floordiv: T;
  if (div != <T>0) {
    floordiv = floor<T>(div);
    if (div - floordiv > <T>0.5) floordiv += <T>1;
  } else {
    floordiv = copysign<T>(<T>0, a / b);
  }
  return floordiv;
}

/** Python's integer // and %; division by zero gives 0, and INT_MIN // -1 wraps, as NumPy's loops. */
// @ts-ignore: decorator
@inline
function intDivmod(op: i32, a: i32, b: i32): i32 {
  if (b == 0) return 0;
  if (b == -1) return op == MOD ? 0 : -a; // -INT_MIN wraps to INT_MIN, with no trap
  const q = a / b;
  const r = a % b;
  if (r != 0 && (r < 0) != (b < 0)) return op == MOD ? r + b : q - 1;
  return op == MOD ? r : q;
}

// @ts-ignore: decorator
@inline
function binaryScalar<T>(op: i32, a: T, b: T): T {
  if (isInteger<T>()) return <T>intDivmod(op, <i32>a, <i32>b);
  if (op == ARCTAN2) return <T>Math.atan2(<f64>a, <f64>b);
  return floatDivmod<T>(op, a, b);
}

// @ts-ignore: decorator
@inline
function binaryMath<T>(op: i32, rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) {
    const ar = at<T>(a, r, as0);
    const br = at<T>(b, r, bs0);
    const or = at<T>(out, r, os0);
    for (let c = 0; c < cols; c++) {
      store<T>(at<T>(or, c, os1), binaryScalar<T>(op, load<T>(at<T>(ar, c, as1)), load<T>(at<T>(br, c, bs1))));
    }
  }
}

// ---------------------------------------------------------------- exports

export function sin_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(SIN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sin_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(SIN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cos_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(COS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cos_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(COS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function tan_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(TAN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function tan_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(TAN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arcsin_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(ARCSIN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arcsin_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(ARCSIN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arccos_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(ARCCOS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arccos_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(ARCCOS, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arctan_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(ARCTAN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arctan_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(ARCTAN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sinh_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(SINH, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sinh_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(SINH, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cosh_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(COSH, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cosh_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(COSH, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log1p_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(LOG1P, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log1p_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(LOG1P, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function expm1_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(EXPM1, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function expm1_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(EXPM1, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log2_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(LOG2, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log2_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(LOG2, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log10_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(LOG10, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function log10_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(LOG10, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function exp2_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(EXP2, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function exp2_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(EXP2, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function floor_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(FLOOR, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function floor_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(FLOOR, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function ceil_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(CEIL, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function ceil_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(CEIL, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function trunc_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(TRUNC, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function trunc_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(TRUNC, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function rint_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(RINT, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function rint_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(RINT, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sign_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(SIGN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sign_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(SIGN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function sign_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<i32>(SIGN, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function reciprocal_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f64>(RECIPROCAL, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function reciprocal_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<f32>(RECIPROCAL, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function reciprocal_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  unaryMath<i32>(RECIPROCAL, rows, cols, x, xs0, xs1, out, os0, os1);
}
export function arctan2_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<f64>(ARCTAN2, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function arctan2_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<f32>(ARCTAN2, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function mod_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<f64>(MOD, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function mod_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<f32>(MOD, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function mod_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<i32>(MOD, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function floorDivide_f64(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<f64>(FLOOR_DIVIDE, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function floorDivide_f32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<f32>(FLOOR_DIVIDE, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
export function floorDivide_i32(rows: i32, cols: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize, os0: isize, os1: isize): void {
  binaryMath<i32>(FLOOR_DIVIDE, rows, cols, a, as0, as1, b, bs0, bs1, out, os0, os1);
}
