// The dtypes of the contract, their storage, inference from JS data, and NumPy 2 promotion.
import { describe } from './errors.js';

export type DType = 'float64' | 'float32' | 'int32' | 'bool';
export const DTYPES: readonly DType[] = ['float64', 'float32', 'int32', 'bool'];

export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

/** Bytes per element. */
export const ITEMSIZE: Record<DType, number> = { float64: 8, float32: 4, int32: 4, bool: 1 };

export function isFloat(dtype: DType): boolean {
  return dtype === 'float64' || dtype === 'float32';
}

/** NumPy's generic spellings: 'int' is the default integer (int32 here), 'float' is float64. */
const ALIASES: Record<string, DType> = { int: 'int32', float: 'float64' };

/** A dtype name as the user may write it: one of DTYPES, or NumPy's 'int' and 'float'. */
export type DTypeName = DType | 'int' | 'float';

/** Checks a dtype given by the user; `fn` names the caller in the error. */
export function checkDType(fn: string, dtype: unknown): DType {
  if (typeof dtype === 'string' && (DTYPES as readonly string[]).includes(dtype)) {
    return dtype as DType;
  }
  if (typeof dtype === 'string' && Object.hasOwn(ALIASES, dtype)) return ALIASES[dtype];
  throw new TypeError(
    `${fn}: data type ${describe(dtype)} not understood (expected one of ${DTYPES.join(', ')})`,
  );
}

// Promotion lattice of NumPy 2 restricted to these dtypes: bool < int32 < float64 and
// bool < float32 < float64, with int32 and float32 meeting at float64.
const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 1, float64: 2 };

/** np.result_type of two arrays (NEP 50). */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (RANK[a] === 0) return b;
  if (RANK[b] === 0) return a;
  return 'float64';
}

/**
 * np.result_type of an array and a JS number acting as a Python scalar (NEP 50 "weak" scalar):
 * an integral number is a Python int, any other a Python float.
 */
export function promoteWithScalar(dtype: DType, scalar: number | boolean): DType {
  if (typeof scalar === 'boolean') return dtype;
  // Integers beyond int32 cannot stay integral here (NumPy's int64 could): they act as floats.
  if (isInt32(scalar)) return dtype === 'bool' ? 'int32' : dtype;
  return isFloat(dtype) ? dtype : 'float64';
}

/** The dtype NumPy-like inference gives one JS scalar. */
export function scalarDType(value: number | boolean): DType {
  if (typeof value === 'boolean') return 'bool';
  return isInt32(value) ? 'int32' : 'float64';
}

/** Integral, within int32, and not -0 (which only a float can hold). */
export function isInt32(value: number): boolean {
  return (value | 0) === value && !Object.is(value, -0);
}

/** Typed arrays keep their type; other integer typed arrays widen losslessly. */
export function typedArrayDType(data: ArrayBufferView): DType | undefined {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (
    data instanceof Int32Array ||
    data instanceof Int16Array ||
    data instanceof Uint16Array ||
    data instanceof Int8Array ||
    data instanceof Uint8Array ||
    data instanceof Uint8ClampedArray
  ) {
    return 'int32';
  }
  if (data instanceof Uint32Array) return 'float64';
  return undefined;
}
