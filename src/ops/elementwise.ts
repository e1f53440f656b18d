// Elementwise operations (NumPy's ufuncs): unary ops, and binary ops with full broadcasting and
// JS numbers on either side as weak scalars. Each runs one strided kernel per 2-D slab.
import { type DType, isFloat, promoteTypes, promoteWithScalar, scalarDType } from '../dtype.js';
import { ValueError } from '../errors.js';
import { kernel } from '../kernels.js';
import { NDArray, forEachOffset, heapOf } from '../ndarray.js';
import { broadcastShapes, broadcastStrides, type Shape } from '../shape.js';
import { runElementwise, stridedOf } from '../strided.js';
import { type ArrayInput, fromData, operand } from './create.js';

/** Disposes, at the end of an op, the operands it converted from JS data. */
export class Temporaries {
  readonly #arrays: NDArray[] = [];
  /** Registers `made` for disposal unless it is the caller's own `given`. */
  keep(made: NDArray, given?: unknown): NDArray {
    if (made !== given) this.#arrays.push(made);
    return made;
  }
  dispose(): void {
    for (const a of this.#arrays) a.dispose();
  }
}

/** The first element of a size-1 array as a JS number (bool as 0/1). */
export function firstValue(x: NDArray): number {
  return heapOf(x.dtype)[x.offset];
}

export type UnaryName = 'exp' | 'log' | 'sqrt' | 'tanh' | 'abs' | 'square' | 'negative';
const FLOAT_RESULT = new Set<UnaryName>(['exp', 'log', 'sqrt', 'tanh']);

/** Applies a unary ufunc; int and bool inputs of exp, log, sqrt and tanh compute in float64. */
export function unary(name: UnaryName, x: ArrayInput): NDArray | number {
  // The common case first, with nothing to convert or dispose: a float array.
  if (x instanceof NDArray && isFloat(x.dtype)) return applyUnaryKernel(name, x.check(name), x);
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand(name, x), x);
    if (FLOAT_RESULT.has(name) && !isFloat(input.dtype))
      input = temps.keep(input.astype('float64'));
    if (name === 'negative' && input.dtype === 'bool') {
      throw new TypeError(
        'negative: The numpy boolean negative, the `-` operator, is not supported, ' +
          'use the `~` operator or the logical_not function instead.',
      );
    }
    // NumPy squares bools in int8; int32 is this library's nearest integer type.
    if (name === 'square' && input.dtype === 'bool') input = temps.keep(input.astype('int32'));
    return applyUnaryKernel(name, input, x, temps);
  } finally {
    temps.dispose();
  }
}

/**
 * Runs the one-input kernel `<kernelName>_<dtype>` from input into a new array of its shape and
 * dtype: a JS number when `original` (what the user passed) was one, else the array.
 */
export function applyUnaryKernel(
  kernelName: string,
  input: NDArray,
  original: ArrayInput,
  temps?: Temporaries,
): NDArray | number {
  const out = NDArray.empty(input.shape, input.dtype, kernelName);
  const size = out.size;
  if (size > 0 && input.isContiguous) {
    const bytes = input.itemsize;
    kernel(kernelName, input.dtype)(1, size, input.offset * bytes, 0, 1, out.offset * bytes, 0, 1);
  } else if (size > 0) {
    runElementwise(kernelName, input.dtype, input.shape, [stridedOf(input), stridedOf(out)]);
  }
  if (typeof original !== 'number') return out;
  const value = firstValue(out);
  if (temps) temps.keep(out);
  else out.dispose();
  return value;
}

export type BinaryName =
  'add' | 'subtract' | 'multiply' | 'divide' | 'power' | 'maximum' | 'minimum';

/** The dtype a binary ufunc computes in, from its operands (JS numbers are weak scalars). */
function binaryDType(name: BinaryName, a: ArrayInput, b: ArrayInput, da: DType, db: DType): DType {
  let dtype: DType;
  if (typeof a === 'number' && typeof b !== 'number') dtype = promoteWithScalar(db, a);
  else if (typeof b === 'number' && typeof a !== 'number') dtype = promoteWithScalar(da, b);
  else dtype = promoteTypes(da, db);
  if (name === 'divide' && !isFloat(dtype)) return 'float64';
  if (name === 'power' && dtype === 'bool') return 'int32';
  if (name === 'subtract' && dtype === 'bool') {
    throw new TypeError(
      'subtract: numpy boolean subtract, the `-` operator, is not supported, ' +
        'use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
    );
  }
  return dtype;
}

/** Applies a binary ufunc with NumPy's broadcasting and type promotion. */
export function binary(name: BinaryName, a: ArrayInput, b: ArrayInput): NDArray | number {
  const temps = new Temporaries();
  try {
    const scalarType = (v: ArrayInput) =>
      typeof v === 'number' || typeof v === 'boolean' ? scalarDType(v) : undefined;
    let x = temps.keep(operand(name, a), a);
    let y = temps.keep(operand(name, b), b);
    const dtype = binaryDType(name, a, b, scalarType(a) ?? x.dtype, scalarType(b) ?? y.dtype);
    if (x.dtype !== dtype) x = temps.keep(fromData(name, x, dtype));
    if (y.dtype !== dtype) y = temps.keep(fromData(name, y, dtype));
    if (name === 'power' && dtype === 'int32' && hasNegative(y)) {
      throw new ValueError('Integers to negative integer powers are not allowed.');
    }
    const same = sameShape(x.shape, y.shape);
    const shape = same ? x.shape : broadcastShapes(x.shape, y.shape);
    const out = NDArray.empty(shape, dtype, name);
    if (out.size > 0) {
      runElementwise(name, dtype, shape, [
        stridedOf(x, same ? x.elementStrides : broadcastStrides(x.shape, x.elementStrides, shape)),
        stridedOf(y, same ? y.elementStrides : broadcastStrides(y.shape, y.elementStrides, shape)),
        stridedOf(out),
      ]);
    }
    if (typeof a === 'number' && typeof b === 'number') {
      temps.keep(out);
      return firstValue(out);
    }
    return out;
  } finally {
    temps.dispose();
  }
}

function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hasNegative(x: NDArray): boolean {
  const values = heapOf(x.dtype);
  let negative = false;
  forEachOffset(x.shape, x.elementStrides, x.offset, (o) => {
    if (values[o] < 0) negative = true;
  });
  return negative;
}
