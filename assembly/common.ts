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
