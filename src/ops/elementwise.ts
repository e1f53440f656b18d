// Elementwise operations (NumPy's ufuncs): unary ops, and binary ops with full broadcasting and
// JS numbers on either side as weak scalars. Each runs one strided kernel per 2-D slab.
import { type DType, isFloat, promoteTypes, promoteWithScalar, scalarDType } from '../dtype.js';
import { ValueError, checkReadable } from '../errors.js';
import { kernel } from '../kernels.js';
import { NDArray, forEachOffset, heapOf } from '../ndarray.js';
import { broadcastShapes, broadcastStrides, sameShape, type Shape } from '../shape.js';
import {
  type Strided,
  type StridedArray,
  castInto,
  runElementwise,
  stridedOf,
} from '../strided.js';
import { scalarOperand, scalarPointer, zeroStridesOf } from '../scalar-slots.js';
import { ELEMENT_ALIGN, splitCall, splits } from '../threads/split.js';
import { type ArrayInput, operand } from './create.js';

/** Disposes, at the end of an op, the operands it converted from JS data. */
export class Temporaries {
  // Made on the first keep: most ops on arrays convert nothing.
  #arrays: NDArray[] | undefined;
  /** Registers `made` for disposal unless it is the caller's own `given`. */
  keep(made: NDArray, given?: unknown): NDArray {
    if (made !== given) (this.#arrays ??= []).push(made);
    return made;
  }
  dispose(): void {
    if (this.#arrays) for (const a of this.#arrays) a.dispose();
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
  // The common case first, with nothing to convert or dispose: a float array. (instanceof
  // throws on a revoked Proxy: refused first, in the op's words.)
  checkReadable(name, x);
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
 * of dtype `result` (the input's unless said): a JS value when `original` (what the user passed)
 * was a JS number or boolean, else the array.
 */
export function applyUnaryKernel(
  kernelName: string,
  input: NDArray,
  original: ArrayInput,
  temps?: Temporaries,
  result: DType = input.dtype,
): NDArray | number {
  const out = NDArray.empty(input.dims, result, kernelName);
  const size = out.size;
  if (size > 0 && input.isContiguous) {
    const x = input.offset * input.itemsize;
    const o = out.offset * out.itemsize;
    if (splits(kernelName, size)) {
      const args = [1, size, x, 0, 1, o, 0, 1];
      const advance = [0, 0, input.itemsize, 0, 0, out.itemsize, 0, 0];
      splitCall(kernelName, input.dtype, args, 1, advance, ELEMENT_ALIGN);
    } else {
      kernel(kernelName, input.dtype)(1, size, x, 0, 1, o, 0, 1);
    }
  } else if (size > 0) {
    runElementwise(kernelName, input.dtype, input.dims, [stridedOf(input), stridedOf(out)]);
  }
  if (typeof original !== 'number' && typeof original !== 'boolean') return out;
  const value = jsValue(out);
  if (temps) temps.keep(out);
  else out.dispose();
  return value as number;
}

export type BinaryName =
  'add' | 'subtract' | 'multiply' | 'divide' | 'power' | 'maximum' | 'minimum';

/** np.result_type of two operands, JS numbers acting as weak scalars (NEP 50). */
export function promoteOperands(a: ArrayInput, b: ArrayInput, da: DType, db: DType): DType {
  const scalarA = typeof a === 'number' || typeof a === 'boolean';
  const scalarB = typeof b === 'number' || typeof b === 'boolean';
  if (scalarA && !scalarB) return promoteWithScalar(db, a);
  if (scalarB && !scalarA) return promoteWithScalar(da, b);
  if (scalarA && scalarB) return promoteTypes(scalarDType(a), scalarDType(b));
  return promoteTypes(da, db);
}

/** A binary ufunc's loop types: the dtype its inputs are cast to, and its result's. */
export interface LoopTypes {
  work: DType;
  result: DType;
}

/** Each dtype's loop types when work and result are that dtype (shared: an op makes no object). */
const SAME_TYPES: Record<DType, LoopTypes> = {
  float64: Object.freeze({ work: 'float64', result: 'float64' }),
  float32: Object.freeze({ work: 'float32', result: 'float32' }),
  int32: Object.freeze({ work: 'int32', result: 'int32' }),
  bool: Object.freeze({ work: 'bool', result: 'bool' }),
};

/** The loop types of the arithmetic ufuncs from the promoted dtype. */
export function arithmeticTypes(name: BinaryName, dtype: DType): LoopTypes {
  if (name === 'divide' && !isFloat(dtype)) return SAME_TYPES.float64;
  if (name === 'power' && dtype === 'bool') return SAME_TYPES.int32;
  if (name === 'subtract' && dtype === 'bool') {
    throw new TypeError(
      'subtract: numpy boolean subtract, the `-` operator, is not supported, ' +
        'use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
    );
  }
  return SAME_TYPES[dtype];
}

// Each arithmetic ufunc's loop-type function, made once (not a closure per call).
const arithmeticLoopTypes = new Map<BinaryName, (dtype: DType) => LoopTypes>();

/** Applies a binary ufunc with NumPy's broadcasting and type promotion. */
export function binary(name: BinaryName, a: ArrayInput, b: ArrayInput): NDArray | number {
  const common = name === 'power' ? undefined : floatBinary(name, a, b);
  if (common) return common;
  let loopTypes = arithmeticLoopTypes.get(name);
  if (!loopTypes) {
    loopTypes = (dtype: DType) => arithmeticTypes(name, dtype);
    arithmeticLoopTypes.set(name, loopTypes);
  }
  return applyBinary(name, a, b, loopTypes) as NDArray | number;
}

/**
 * A training loop's common case, without the general path's conversions, promotion, broadcasting
 * and strides: two contiguous float arrays of one dtype and shape, or one and a JS number (a weak
 * scalar: the array's dtype is the loop's). About half of a small op's cost on a (4, 400) array.
 * Undefined for anything else, which applyBinary does (and checks again, in the same order).
 */
function floatBinary(name: BinaryName, a: ArrayInput, b: ArrayInput): NDArray | undefined {
  if (typeof a === 'number') {
    const y = contiguousFloat(name, b);
    return y && withScalar(name, y, a, 0);
  }
  const x = contiguousFloat(name, a);
  if (!x) return undefined;
  if (typeof b === 'number') return withScalar(name, x, b, 1);
  const y = contiguousFloat(name, b);
  if (!y || y.dtype !== x.dtype) return undefined;
  if (!sameShape(x.dims, y.dims)) return matrices(name, x, y);
  const out = NDArray.empty(x.dims, x.dtype, name);
  const n = out.size;
  if (n > 0) binaryRow(name, x.dtype, n, pointerOf(x), x.itemsize, pointerOf(y), x.itemsize, out);
  return out;
}

/**
 * Two matrices broadcast together, as a (4, 400) layer plus its (4, 1) bias: one kernel call
 * over the rows, a length-1 axis stepping by 0. Undefined unless both are 2-D and broadcastable.
 */
function matrices(name: BinaryName, x: NDArray, y: NDArray): NDArray | undefined {
  const [xr, xc] = x.dims;
  const [yr, yc] = y.dims;
  if (x.ndim !== 2 || y.ndim !== 2) return undefined;
  if ((xr !== yr && xr !== 1 && yr !== 1) || (xc !== yc && xc !== 1 && yc !== 1)) return undefined;
  // A length-1 axis takes the other's length, 0 included (not the larger: (0, 3) + (1, 3) is empty).
  const rows = xr === 1 ? yr : xr;
  const cols = xc === 1 ? yc : xc;
  const shape =
    rows === xr && cols === xc ? x.dims : rows === yr && cols === yc ? y.dims : [rows, cols];
  const out = NDArray.empty(shape, x.dtype, name);
  if (out.size > 0) {
    const px = pointerOf(x);
    const py = pointerOf(y);
    const xs0 = xr === 1 ? 0 : xc;
    const xs1 = xc === 1 ? 0 : 1;
    const ys0 = yr === 1 ? 0 : yc;
    const ys1 = yc === 1 ? 0 : 1;
    const o = pointerOf(out);
    if (splits(name, out.size)) {
      const args = [rows, cols, px, xs0, xs1, py, ys0, ys1, o, cols, 1];
      const b = x.itemsize;
      splitCall(name, x.dtype, args, 0, [0, 0, xs0 * b, 0, 0, ys0 * b, 0, 0, cols * b, 0, 0]);
    } else {
      kernel(name, x.dtype)(rows, cols, px, xs0, xs1, py, ys0, ys1, o, cols, 1);
    }
  }
  return out;
}

/** v when it is a contiguous float array (checked: readable, not disposed), else undefined. */
function contiguousFloat(name: string, v: ArrayInput): NDArray | undefined {
  checkReadable(name, v);
  if (!(v instanceof NDArray)) return undefined;
  return isFloat(v.check(name).dtype) && v.isContiguous ? v : undefined;
}

/** x op value (value op x when `at` is 0), value read from a scalar slot at stride 0. */
function withScalar(name: BinaryName, x: NDArray, value: number, at: 0 | 1): NDArray {
  const out = NDArray.empty(x.dims, x.dtype, name);
  const n = out.size;
  if (n > 0) {
    const s = scalarPointer(at, value, x.dtype);
    if (at === 0) binaryRow(name, x.dtype, n, s, 0, pointerOf(x), x.itemsize, out);
    else binaryRow(name, x.dtype, n, pointerOf(x), x.itemsize, s, 0, out);
  }
  return out;
}

/**
 * The binary kernel over n contiguous elements into out; an operand whose step is 0 bytes is a
 * scalar slot, read at stride 0.
 */
function binaryRow(
  name: BinaryName,
  dtype: DType,
  n: number,
  x: number,
  xStep: number,
  y: number,
  yStep: number,
  out: NDArray,
): void {
  const o = pointerOf(out);
  const xs = xStep === 0 ? 0 : 1;
  const ys = yStep === 0 ? 0 : 1;
  if (splits(name, n)) {
    const args = [1, n, x, 0, xs, y, 0, ys, o, 0, 1];
    const advance = [0, 0, xStep, 0, 0, yStep, 0, 0, out.itemsize, 0, 0];
    splitCall(name, dtype, args, 1, advance, ELEMENT_ALIGN);
  } else {
    kernel(name, dtype)(1, n, x, 0, xs, y, 0, ys, o, 0, 1);
  }
}

function pointerOf(x: NDArray): number {
  return x.offset * x.itemsize;
}

/**
 * Runs the binary kernel `<kernelName>_<work>` over a and b broadcast together, inputs cast to
 * the loop's work dtype, into a new array of its result dtype; two JS numbers give a JS value.
 * A JS number operand is no array: it is read from a scalar slot at stride 0.
 */
export function applyBinary(
  name: string,
  a: ArrayInput,
  b: ArrayInput,
  loopTypes: (promoted: DType) => LoopTypes,
  kernelName: string = name,
): NDArray | number | boolean {
  const temps = new Temporaries();
  try {
    const scalarA = isScalar(a);
    const scalarB = isScalar(b);
    let x = scalarA ? undefined : temps.keep(operand(name, a), a);
    let y = scalarB ? undefined : temps.keep(operand(name, b), b);
    // A JS number's dtype argument is not read (it promotes as a weak scalar): any will do.
    const promoted = promoteOperands(a, b, x?.dtype ?? 'bool', y?.dtype ?? 'bool');
    const { work, result } = loopTypes(promoted);
    if (x && x.dtype !== work) x = temps.keep(castCopy(x, work, name));
    if (y && y.dtype !== work) y = temps.keep(castCopy(y, work, name));
    // Nothing below runs the user's code or another op: the slots hold until the kernel call.
    const xs = x ?? scalarOperand(0, a as number | boolean, work);
    const ys = y ?? scalarOperand(1, b as number | boolean, work);
    if (name === 'power' && work === 'int32' && hasNegative(ys)) {
      throw new ValueError('Integers to negative integer powers are not allowed.');
    }
    const shape =
      scalarB || sameShape(xs.dims, ys.dims)
        ? xs.dims
        : scalarA
          ? ys.dims
          : broadcastShapes(xs.dims, ys.dims);
    const out = NDArray.empty(shape, result, name);
    if (out.size > 0) {
      runElementwise(kernelName, work, shape, [
        stridedTo(xs, shape),
        stridedTo(ys, shape),
        stridedOf(out),
      ]);
    }
    if (scalarA && scalarB) {
      temps.keep(out);
      return jsValue(out);
    }
    return out;
  } finally {
    temps.dispose();
  }
}

/** An operand (already checked) cast to the loop's work dtype, as NumPy's ufunc loop casts it. */
function castCopy(x: NDArray, dtype: DType, fn: string): NDArray {
  const out = NDArray.empty(x.dims, dtype, fn);
  castInto(x, out);
  return out;
}

/** An operand's strides over the op's shape: its own, or broadcast (0 where it repeats). */
function stridedTo(x: StridedArray, shape: Shape): Strided {
  if (x.dims.length === 0) return stridedOf(x, zeroStridesOf(shape.length));
  if (sameShape(x.dims, shape)) return stridedOf(x);
  return stridedOf(x, broadcastStrides(x.dims, x.elementStrides, shape));
}

function isScalar(v: unknown): v is number | boolean {
  return typeof v === 'number' || typeof v === 'boolean';
}

/** The first element as a JS value: a boolean for bool, else a number. */
export function jsValue(x: NDArray): number | boolean {
  const value = firstValue(x);
  return x.dtype === 'bool' ? value !== 0 : value;
}

function hasNegative(x: StridedArray): boolean {
  const values = heapOf(x.dtype);
  let negative = false;
  forEachOffset(x.dims, x.elementStrides, x.offset, (o) => {
    if (values[o] < 0) negative = true;
  });
  return negative;
}
