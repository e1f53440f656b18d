// Shared kernel vocabulary: operation codes and strided addressing.
//
// Every elementwise kernel takes a 2-D strided problem, (rows, cols) with a pointer and two
// strides (in elements) per operand, as NumPy's ufunc loops take steps: a stride of 0 is
// broadcasting, and a row whose strides are all 1 takes the contiguous SIMD path.

// Unary operations.
export const EXP = 0;
export const LOG = 1;
export const SQRT = 2;
export const ABS = 3;
export const SQUARE = 4;
export const NEGATIVE = 5;
export const TANH = 6;

// Binary operations.
export const ADD = 0;
export const SUBTRACT = 1;
export const MULTIPLY = 2;
export const DIVIDE = 3;
export const MAXIMUM = 4;
export const MINIMUM = 5;
export const POWER = 6;

/** Address of element i of a row of T with the given stride (in elements). */
// @ts-ignore: decorator
@inline
export function at<T>(base: usize, i: isize, stride: isize): usize {
  return base + <usize>(i * stride * sizeof<T>());
}

/**
 * a * b + c on float64x2: one fused multiply-add in the relaxed-SIMD build (V8 emits vfmadd
 * where the CPU has FMA), a multiply and an add elsewhere.
 */
// @ts-ignore: decorator
@inline
export function madd64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** madd64 when `fused` (a constant at every call site), else a multiply then an add in every build. */
// @ts-ignore: decorator
@inline
export function madd64If(fused: bool, a: v128, b: v128, c: v128): v128 {
  if (fused) return madd64(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** a * b + c on float32x4, as madd64. */
// @ts-ignore: decorator
@inline
export function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Swaps the int32s at indices i and j of data (the Fisher-Yates shuffles' step). */
// @ts-ignore: decorator
@inline
export function swapInts(data: usize, i: i32, j: i32): void {
  const pi = data + (<usize>i << 2);
  const pj = data + (<usize>j << 2);
  const t = load<i32>(pi);
  store<i32>(pi, load<i32>(pj));
  store<i32>(pj, t);
}

/** The smallest mask of all ones that covers max (NumPy's gen_mask, for masked rejection). */
// @ts-ignore: decorator
@inline
export function maskCovering(max: u32): u32 {
  let mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  return mask;
}
