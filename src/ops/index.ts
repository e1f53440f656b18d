// The operations as NumPy names them, with their argument forms.
import type { NDArray } from '../ndarray.js';
import type { ArrayInput } from './create.js';
import { type BinaryName, type UnaryName, binary, unary } from './elementwise.js';

/** A JS number in, a JS number out; anything else gives an NDArray. */
type UnaryFn = {
  (x: number): number;
  (x: ArrayInput): NDArray;
};
type BinaryFn = {
  (a: number, b: number): number;
  (a: ArrayInput, b: ArrayInput): NDArray;
};

function unaryFn(name: UnaryName): UnaryFn {
  return ((x: ArrayInput) => unary(name, x)) as UnaryFn;
}

function binaryFn(name: BinaryName): BinaryFn {
  return ((a: ArrayInput, b: ArrayInput) => binary(name, a, b)) as BinaryFn;
}

/** e^x, elementwise (within 1 ulp for float64). */
export const exp = unaryFn('exp');
/** Natural logarithm, elementwise. */
export const log = unaryFn('log');
/** Square root, elementwise. */
export const sqrt = unaryFn('sqrt');
/** Hyperbolic tangent, elementwise. */
export const tanh = unaryFn('tanh');
/** Absolute value, elementwise. */
export const abs = unaryFn('abs');
/** x * x, elementwise. */
export const square = unaryFn('square');
/** -x, elementwise. */
export const negative = unaryFn('negative');

/** a + b with broadcasting. */
export const add = binaryFn('add');
/** a - b with broadcasting. */
export const subtract = binaryFn('subtract');
/** a * b with broadcasting. */
export const multiply = binaryFn('multiply');
/** a / b with broadcasting (true division: ints give float64). */
export const divide = binaryFn('divide');
/** a ** b with broadcasting. */
export const power = binaryFn('power');
/** Elementwise maximum; NaN propagates. */
export const maximum = binaryFn('maximum');
/** Elementwise minimum; NaN propagates. */
export const minimum = binaryFn('minimum');
