// The operations as NumPy names them, with their argument forms.
import { checkReadable } from '../errors.js';
import type { ArrayInput } from './create.js';
import { isFloat } from '../dtype.js';
import { NDArray } from '../ndarray.js';
import { type BinaryName, type UnaryName, applyUnaryKernel, binary, unary } from './elementwise.js';
import type { BinaryFunction, UnaryFunction } from '../ufunc-types.js';

function unaryFn(name: UnaryName): UnaryFunction {
  return ((x: ArrayInput) => unary(name, x)) as UnaryFunction;
}

function binaryFn(name: BinaryName): BinaryFunction {
  return ((a: ArrayInput, b: ArrayInput) => binary(name, a, b)) as BinaryFunction;
}

/** np.exp: e^x, elementwise (within 1 ulp for float64). */
export const exp = unaryFn('exp');
/** np.log: natural logarithm, elementwise. */
export const log = unaryFn('log');
/** np.sqrt: square root, elementwise. */
export const sqrt = unaryFn('sqrt');
/** np.tanh: hyperbolic tangent, elementwise. */
export const tanh = unaryFn('tanh');
/** np.abs: absolute value, elementwise. */
export const abs = unaryFn('abs');
/** np.square: x * x, elementwise. */
export const square = unaryFn('square');
/** np.negative: -x, elementwise. */
export const negative = unaryFn('negative');

/** np.add: a + b with broadcasting. */
export const add = binaryFn('add');
/** np.subtract: a - b with broadcasting. */
export const subtract = binaryFn('subtract');
/** np.multiply: a * b with broadcasting. */
export const multiply = binaryFn('multiply');
/** np.divide: a / b with broadcasting (true division: ints give float64). */
export const divide = binaryFn('divide');
// NumPy's power loop takes a scalar exponent's fast paths on floats: sqrt for 0.5 (so that -0
// gives -0 and -Infinity NaN, where pow gives +0 and Infinity), square for 2, reciprocal for
// -1 (the same values as pow, from cheaper kernels). Only a JS number exponent keeps the
// array's dtype (a weak scalar), so only it takes them here.
const POWER_FAST_PATHS = new Map([
  [0.5, 'sqrt'],
  [2, 'square'],
  [-1, 'reciprocal'],
]);

/** np.power: a ** b with broadcasting. */
export const power = ((a: ArrayInput, b: ArrayInput) => {
  checkReadable('power', a);
  if (typeof b === 'number' && a instanceof NDArray && isFloat(a.check('power').dtype)) {
    const kernelName = POWER_FAST_PATHS.get(b);
    if (kernelName) return applyUnaryKernel(kernelName, a, a);
  }
  return binary('power', a, b);
}) as BinaryFunction;
/** np.maximum: elementwise maximum; NaN propagates. */
export const maximum = binaryFn('maximum');
/** np.minimum: elementwise minimum; NaN propagates. */
export const minimum = binaryFn('minimum');
