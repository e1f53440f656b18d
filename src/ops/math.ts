// More elementwise math: trigonometric, hyperbolic, logarithmic and rounding ufuncs, arctan2,
// mod and floor_divide (kernels of assembly/math.ts), and clip and round composed of ufuncs as
// NumPy composes them.
import { type DType, isFloat } from '../dtype.js';
import { checkReadable, describe, namingCaller } from '../errors.js';
import { NDArray } from '../ndarray.js';
import { type ArrayInput, operand } from './create.js';
import { Temporaries, applyBinary, applyUnaryKernel } from './elementwise.js';
import { divide, maximum, minimum, multiply } from './index.js';
import type { BinaryFunction, UnaryFunction } from '../ufunc-types.js';

/** How a unary ufunc treats int and bool inputs. */
type IntRule = 'float64' | 'same' | 'int' | 'no-bool';

function mathUnary(name: string, ints: IntRule): UnaryFunction {
  return ((x: ArrayInput) => {
    checkReadable(name, x);
    if (x instanceof NDArray && isFloat(x.dtype)) return applyUnaryKernel(name, x.check(name), x);
    const temps = new Temporaries();
    try {
      let input = temps.keep(operand(name, x), x);
      if (!isFloat(input.dtype)) {
        if (ints === 'same') {
          // floor, ceil and trunc of an integer are the integer (NumPy 2.3+ keeps the dtype).
          const copy = input.copy();
          if (typeof x !== 'number' && typeof x !== 'boolean') return copy;
          temps.keep(copy);
          return copy.item();
        }
        if (ints === 'no-bool' && input.dtype === 'bool') {
          throw new TypeError(
            `${name}: ufunc '${name}' did not contain a loop with signature matching types ` +
              "<class 'numpy.dtypes.BoolDType'> -> None",
          );
        }
        if (name === 'reciprocal' && input.dtype === 'bool') {
          // NumPy computes it in int8, where 1 / 1 is 1 and 1 / 0 gives 0: the values themselves.
          const values = input.astype('int32');
          if (typeof x !== 'boolean') return values;
          temps.keep(values);
          return values.item();
        }
        const target: DType = ints === 'float64' ? 'float64' : 'int32';
        if (input.dtype !== target) input = temps.keep(input.astype(target));
      }
      return applyUnaryKernel(name, input, x, temps);
    } finally {
      temps.dispose();
    }
  }) as UnaryFunction;
}

/** np.sin: trigonometric sine, elementwise (radians). */
export const sin = mathUnary('sin', 'float64');
/** np.cos: cosine, elementwise. */
export const cos = mathUnary('cos', 'float64');
/** np.tan: tangent, elementwise. */
export const tan = mathUnary('tan', 'float64');
/** np.arcsin: inverse sine, elementwise. */
export const arcsin = mathUnary('arcsin', 'float64');
/** np.arccos: inverse cosine, elementwise. */
export const arccos = mathUnary('arccos', 'float64');
/** np.arctan: inverse tangent, elementwise. */
export const arctan = mathUnary('arctan', 'float64');
/** np.sinh: hyperbolic sine, elementwise. */
export const sinh = mathUnary('sinh', 'float64');
/** np.cosh: hyperbolic cosine, elementwise. */
export const cosh = mathUnary('cosh', 'float64');
/** np.log1p: log(1 + x), elementwise, accurate near 0. */
export const log1p = mathUnary('log1p', 'float64');
/** np.expm1: exp(x) - 1, elementwise, accurate near 0. */
export const expm1 = mathUnary('expm1', 'float64');
/** np.log2: base-2 logarithm, elementwise. */
export const log2 = mathUnary('log2', 'float64');
/** np.log10: base-10 logarithm, elementwise. */
export const log10 = mathUnary('log10', 'float64');
/** np.exp2: 2 ** x, elementwise. */
export const exp2 = mathUnary('exp2', 'float64');
/** np.rint: round to the nearest integer, halves to even, elementwise. */
export const rint = mathUnary('rint', 'float64');
/** np.floor: the largest integer <= x, elementwise. */
export const floor = mathUnary('floor', 'same');
/** np.ceil: the smallest integer >= x, elementwise. */
export const ceil = mathUnary('ceil', 'same');
/** np.trunc: x rounded towards zero, elementwise. */
export const trunc = mathUnary('trunc', 'same');
/** np.sign: -1, 0 or 1 by the sign of x (NaN stays NaN), elementwise. */
export const sign = mathUnary('sign', 'no-bool');
/** np.reciprocal: 1 / x, elementwise (integer division for ints). */
export const reciprocal = mathUnary('reciprocal', 'int');

function mathBinary(name: string, ints: 'float64' | 'int'): BinaryFunction {
  return ((a: ArrayInput, b: ArrayInput) =>
    applyBinary(name, a, b, (dtype) => {
      const work: DType = isFloat(dtype) ? dtype : ints === 'float64' ? 'float64' : 'int32';
      return { work, result: work };
    })) as BinaryFunction;
}

/** np.arctan2: arctan(a / b) in the right quadrant, elementwise. */
export const arctan2 = mathBinary('arctan2', 'float64');
/** np.mod: the remainder of floor division, with the sign of b (Python's %), elementwise. */
export const mod = mathBinary('mod', 'int');
/** np.floor_divide: the largest integer <= a / b (Python's //), elementwise. */
export const floorDivide = mathBinary('floorDivide', 'int');

/**
 * np.clip(x, min, max): maximum(x, min) then minimum(.., max), either bound null. Promoting at
 * each step gives NumPy's result type of all three (JS numbers weak) for these dtypes.
 */
export function clip(
  x: ArrayInput,
  min: ArrayInput | null,
  max: ArrayInput | null,
): NDArray | number {
  checkReadable('clip', x);
  if (x instanceof NDArray) x.check('clip');
  let result: ArrayInput = x;
  for (const [bound, apply] of [
    [min, maximum],
    [max, minimum],
  ] as const) {
    if (bound === null || bound === undefined) continue;
    const previous = result;
    // The first bound's result is a temporary: freed whether or not the second bound works.
    try {
      result = namingCaller('clip', () => apply(previous, bound));
    } finally {
      if (previous !== x && previous instanceof NDArray) previous.dispose();
    }
  }
  if (result !== x) return result as NDArray | number;
  // No bounds: a copy, as NumPy returns one.
  if (typeof x === 'number') return x;
  const input = operand('clip', x);
  try {
    return input.copy();
  } finally {
    if (input !== x) input.dispose();
  }
}

/** NumPy's power_of_ten: exact table to 1e8, then repeated multiplication by 10. */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n;
  let result = 1e9;
  // Past 1e308 the product is Infinity and stays so: stop there (NumPy goes on to n).
  for (let i = 9; i < n && result !== Infinity; i++) result *= 10;
  return result;
}

/**
 * np.round(x, decimals = 0), as NumPy's PyArray_Round: rint(x * 10**d) / 10**d (or
 * rint(x / 10**-d) * 10**-d for negative d); ints are returned as they are for d >= 0, and
 * rounded in float64 then cast back for d < 0.
 */
export function round(x: ArrayInput, decimals = 0): NDArray | number {
  if (typeof decimals !== 'number' || !Number.isInteger(decimals)) {
    throw new TypeError(`round: decimals must be an integer, got ${describe(decimals)}`);
  }
  if (decimals > 2147483647 || decimals < -2147483648) {
    // NumPy: OverflowError, Python int too large to convert to C int.
    throw new RangeError(`round: decimals ${decimals} does not fit in a C int`);
  }
  const temps = new Temporaries();
  try {
    const input = temps.keep(operand('round', x), x);
    const integer = input.dtype === 'int32';
    if (integer && decimals >= 0) return scalarIf(x, input.copy(), temps);
    if (decimals === 0) return rint(x as NDArray);
    const f = powerOfTen(Math.abs(decimals));
    const float = isFloat(input.dtype) ? input : temps.keep(input.astype('float64'));
    const scaled = temps.keep(decimals > 0 ? multiply(float, f) : divide(float, f)) as NDArray;
    const rounded = temps.keep(rint(scaled));
    const back = (decimals > 0 ? divide(rounded, f) : multiply(rounded, f)) as NDArray;
    if (!integer) return scalarIf(x, back, temps);
    temps.keep(back);
    return scalarIf(x, back.astype('int32'), temps);
  } finally {
    temps.dispose();
  }
}

/** The result as a JS number when the input was one (the array is then disposed). */
function scalarIf(x: ArrayInput, result: NDArray, temps: Temporaries): NDArray | number {
  if (typeof x !== 'number') return result;
  temps.keep(result);
  return result.item() as number;
}
