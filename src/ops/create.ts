// Array creation: from JS data (with NumPy's inference), filled arrays, ranges.
import {
  type DType,
  type DTypeName,
  checkDType,
  isInt32,
  scalarDType,
  typedArrayDType,
} from '../dtype.js';
import { ValueError, checkBoolean, checkOptions, checkReadable, describe } from '../errors.js';
import { type ArrayInput, NDArray, castValue, heapOf } from '../ndarray.js';
import { MAX_NDIM, checkShape, checkSize } from '../shape.js';

export type { ArrayInput };

export interface DTypeOptions {
  dtype?: DTypeName;
}

function isTypedArray(value: unknown): value is ArrayBufferView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

// %TypedArray%.prototype's own length getter reads the array's internal slot: a subclass's
// getter or an own property cannot make it lie.
const typedArrayLength = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Int8Array.prototype),
  'length',
)!.get as (this: ArrayBufferView) => number;

/** The most elements wasm32 memory could hold (one byte each). */
const MAX_ELEMENTS = 2 ** 32;

/**
 * A sequence's elements, its length and each element read once (a Proxy or a getter cannot
 * change them between the check and the copy); undefined for a value that is not a sequence.
 */
function elementsOf(fn: string, value: unknown): unknown[] | undefined {
  checkReadable(fn, value);
  let length: number;
  if (Array.isArray(value)) length = value.length;
  else if (isTypedArray(value)) length = typedArrayLength.call(value);
  else return undefined;
  if (!(length <= MAX_ELEMENTS)) {
    throw new ValueError(`${fn}: a sequence of length ${length} does not fit in wasm32 memory`);
  }
  const items = new Array<unknown>(length);
  const source = value as ArrayLike<unknown>;
  for (let i = 0; i < length; i++) {
    const item = source[i];
    // A hole or a missing element: refused at once (a sparse array may claim billions).
    if (item === undefined) throw new TypeError(`${fn}: could not convert undefined to a number`);
    checkReadable(fn, item);
    items[i] = item instanceof NDArray ? item.check(fn).toArray() : item;
  }
  return items;
}

/** Python's tuple repr, which NumPy's ragged-input message uses: (2,) and (2, 2). */
function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The shape of nested data and its elements in C order; throws NumPy's error on ragged data. */
function flatten(fn: string, data: ArrayInput): { shape: number[]; values: unknown[] } {
  const shape: number[] = [];
  let level: unknown[] = [data];
  for (;;) {
    const rows = level.map((item) => elementsOf(fn, item));
    const sequences = rows.filter((row) => row !== undefined).length;
    if (sequences === 0) break;
    const length = rows[0]?.length;
    if (sequences < rows.length || rows.some((row) => row!.length !== length)) {
      throw new ValueError(
        `${fn}: setting an array element with a sequence. The requested array has an ` +
          `inhomogeneous shape after ${shape.length} dimensions. The detected shape was ` +
          `${tupleRepr(shape)} + inhomogeneous part.`,
      );
    }
    shape.push(length!);
    if (shape.length > MAX_NDIM) {
      throw new ValueError(
        `${fn}: maximum supported dimension for an ndarray is currently ${MAX_NDIM}, found ${shape.length}`,
      );
    }
    level = rows.flat(1) as unknown[];
  }
  return { shape, values: level };
}

/**
 * NumPy-like inference over flat JS values (int32 stands for NumPy's int64). Every value is
 * checked, whatever came before it: only numbers and booleans make arrays.
 */
function inferDType(fn: string, values: readonly unknown[]): DType {
  let dtype: DType = 'bool';
  for (const value of values) {
    if (typeof value === 'boolean') continue;
    if (typeof value !== 'number') {
      throw new TypeError(`${fn}: could not convert ${describe(value)} to a number`);
    }
    if (dtype !== 'float64') dtype = isInt32(value) ? 'int32' : 'float64';
  }
  return values.length === 0 ? 'float64' : dtype;
}

/** A new array from JS data or an NDArray; `fn` names the caller in errors. */
export function fromData(fn: string, data: ArrayInput, requested?: DType): NDArray {
  checkReadable(fn, data);
  if (data instanceof NDArray) return data.check(fn).astype(requested ?? data.dtype);
  if (isTypedArray(data)) {
    const own = typedArrayDType(data);
    if (!own) throw new TypeError(`${fn}: unsupported typed array ${describe(data)}`);
    const values = data as unknown as ArrayLike<number>;
    const length = typedArrayLength.call(data);
    const out = NDArray.empty([length], requested ?? own, fn);
    const dest = heapOf(out.dtype);
    for (let i = 0; i < length; i++) dest[out.offset + i] = castValue(values[i], out.dtype);
    return out;
  }
  if (typeof data === 'number' || typeof data === 'boolean') {
    // A JS scalar (an op's operand, as in 1 - A): a 0-d array, without flattening nested data.
    const target = requested ?? scalarDType(data);
    const out = NDArray.empty([], target, fn);
    heapOf(target)[out.offset] = castValue(data, target);
    return out;
  }
  if (Array.isArray(data)) {
    const { shape, values } = flatten(fn, data);
    const inferred = inferDType(fn, values); // also rejects non-numeric elements
    const target = requested ?? inferred;
    const out = NDArray.empty(shape, target, fn);
    const dest = heapOf(target);
    for (let i = 0; i < values.length; i++) {
      dest[out.offset + i] = castValue(values[i] as number | boolean, target);
    }
    return out;
  }
  throw new TypeError(`${fn}: cannot make an array from ${describe(data)}`);
}

/**
 * The NDArray an operation works on: an NDArray passes through (checked not disposed), other
 * data is converted. The caller disposes what it got when it is not the argument itself.
 */
export function operand(fn: string, data: ArrayInput): NDArray {
  checkReadable(fn, data);
  return data instanceof NDArray ? data.check(fn) : fromData(fn, data);
}

/** np.array: a new array (always a copy) from numbers, nested arrays, typed arrays or NDArrays. */
export function array(data: ArrayInput, options?: DTypeOptions): NDArray {
  const { dtype } = checkOptions('array', options, ['dtype']);
  return fromData('array', data, dtype === undefined ? undefined : checkDType('array', dtype));
}

/** np.asarray: an NDArray of the requested dtype passes through unchanged; anything else is converted. */
export function asarray(data: ArrayInput, options?: DTypeOptions): NDArray {
  const { dtype } = checkOptions('asarray', options, ['dtype']);
  const requested = dtype === undefined ? undefined : checkDType('asarray', dtype);
  checkReadable('asarray', data);
  if (data instanceof NDArray && (requested === undefined || requested === data.dtype)) {
    return data.check('asarray');
  }
  return fromData('asarray', data, requested);
}

/** np.empty: a new array whose elements are whatever the memory held. */
export function empty(shape: number | readonly number[], options?: DTypeOptions): NDArray {
  const { dtype = 'float64' } = checkOptions('empty', options, ['dtype']);
  return NDArray.empty(checkShape('empty', shape), checkDType('empty', dtype), 'empty');
}

function filled(fn: string, shape: unknown, value: number | boolean, dtype: unknown): NDArray {
  const target = checkDType(fn, dtype);
  const out = NDArray.empty(checkShape(fn, shape), target, fn);
  heapOf(target).fill(castValue(value, target), out.offset, out.offset + out.size);
  return out;
}

/** np.zeros. */
export function zeros(shape: number | readonly number[], options?: DTypeOptions): NDArray {
  const { dtype = 'float64' } = checkOptions('zeros', options, ['dtype']);
  return filled('zeros', shape, 0, dtype);
}

/** np.ones. */
export function ones(shape: number | readonly number[], options?: DTypeOptions): NDArray {
  const { dtype = 'float64' } = checkOptions('ones', options, ['dtype']);
  return filled('ones', shape, 1, dtype);
}

/** np.full: every element `fillValue`; the dtype is inferred from it unless given. */
export function full(
  shape: number | readonly number[],
  fillValue: number | boolean,
  options?: DTypeOptions,
): NDArray {
  if (typeof fillValue !== 'number' && typeof fillValue !== 'boolean') {
    throw new TypeError(`full: fill value must be a number or boolean, got ${describe(fillValue)}`);
  }
  const { dtype = scalarDType(fillValue) } = checkOptions('full', options, ['dtype']);
  return filled('full', shape, fillValue, dtype);
}

function checkNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describe(value)}`);
  }
  return value;
}

/**
 * np.arange(stop) or np.arange(start, stop, step = 1): evenly spaced values in [start, stop).
 * int32 when start, stop and step are all int32 integers, else float64.
 */
export function arange(stop: number, options?: DTypeOptions): NDArray;
export function arange(start: number, stop: number, options?: DTypeOptions): NDArray;
export function arange(start: number, stop: number, step: number, options?: DTypeOptions): NDArray;
export function arange(
  startOrStop: number,
  stop?: number | DTypeOptions,
  step?: number | DTypeOptions,
  options?: DTypeOptions,
): NDArray {
  if (typeof step === 'object') [step, options] = [undefined, step];
  if (typeof stop === 'object') [stop, options] = [undefined, stop as DTypeOptions];
  const { dtype } = checkOptions('arange', options, ['dtype']);
  let start = checkNumber('arange', 'start', startOrStop);
  if (stop === undefined) [start, stop] = [0, start];
  checkNumber('arange', 'stop', stop);
  const delta = step === undefined ? 1 : checkNumber('arange', 'step', step);
  if (delta === 0) throw new RangeError('arange: step must not be zero');
  const inferred = [start, stop, delta].every(isInt32) ? 'int32' : 'float64';
  const target = dtype === undefined ? inferred : checkDType('arange', dtype);
  const length = Math.max(0, Math.ceil((stop - start) / delta));
  if (!Number.isFinite(length))
    throw new ValueError(`arange: cannot compute length of range ${start} to ${stop}`);
  checkSize('arange', length);
  if (target === 'bool' && length > 2) {
    throw new TypeError(
      'arange: arange() is only supported for booleans when the result has at most length 2.',
    );
  }
  const out = NDArray.empty([length], target, 'arange');
  const dest = heapOf(target);
  // NumPy fills start + i * (second - first), with the step as the first two values give it.
  const actualStep = start + delta - start;
  for (let i = 0; i < length; i++) dest[out.offset + i] = castValue(start + i * actualStep, target);
  return out;
}

export interface LinspaceOptions extends DTypeOptions {
  endpoint?: boolean;
}

/** np.linspace: `num` evenly spaced values from start to stop (inclusive unless endpoint is false). */
export function linspace(
  start: number,
  stop: number,
  num = 50,
  options?: LinspaceOptions,
): NDArray {
  const { dtype = 'float64', endpoint = true } = checkOptions('linspace', options, [
    'dtype',
    'endpoint',
  ]);
  checkBoolean('linspace', 'endpoint', endpoint);
  checkNumber('linspace', 'start', start);
  checkNumber('linspace', 'stop', stop);
  if (typeof num !== 'number' || !Number.isInteger(num)) {
    throw new TypeError(`linspace: number of samples, ${describe(num)}, must be an integer`);
  }
  if (num < 0) throw new ValueError(`linspace: Number of samples, ${num}, must be non-negative.`);
  checkSize('linspace', num);
  const target = checkDType('linspace', dtype);
  // NumPy 2 floors to an integer dtype (its cast alone would truncate towards zero).
  const round = target === 'int32' ? Math.floor : (y: number) => y;
  const out = NDArray.empty([num], target, 'linspace');
  const dest = heapOf(target);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  // NumPy's arithmetic, operation for operation: i * step + start (or i / div * delta).
  for (let i = 0; i < num; i++) {
    const y = div > 0 ? (step === 0 ? (i / div) * delta : i * step) : i * delta;
    dest[out.offset + i] = castValue(round(y + start), target);
  }
  if (endpoint && num > 1) dest[out.offset + num - 1] = castValue(round(stop), target);
  return out;
}

/** np.reshape(x, shape). */
export function reshape(x: ArrayInput, shape: number | readonly number[]): NDArray {
  const input = operand('reshape', x);
  try {
    return input.reshape(typeof shape === 'number' ? [shape] : shape);
  } finally {
    if (input !== x) input.dispose();
  }
}
