// Shape functions: squeeze, expandDims, transpose, copy, ravel, broadcastTo (views where NumPy
// gives views), and the filled arrays shaped like another: zerosLike, onesLike, fullLike, eye.
import { type DType, checkDType } from '../dtype.js';
import {
  ValueError,
  checkOptions,
  checkReadable,
  describe,
  formatShape,
  readList,
} from '../errors.js';
import { NDArray, castValue, heapOf } from '../ndarray.js';
import { broadcastStrides, checkDimension, checkShape, normalizeAxis } from '../shape.js';
import { castInto } from '../strided.js';
import { type ArrayInput, type DTypeOptions, asarray, operand } from './create.js';

/** Runs fn on x as an NDArray, disposing what was converted from JS data. */
function withArray<T>(fn: string, x: ArrayInput, body: (a: NDArray) => T): T {
  const input = operand(fn, x);
  try {
    return body(input);
  } finally {
    if (input !== x) input.dispose();
  }
}

/** An axis argument that is an int or a list of ints, normalized against ndim, no repeats. */
function axisList(fn: string, axis: number | readonly number[], ndim: number): number[] {
  checkReadable(fn, axis);
  const list = (Array.isArray(axis) ? readList(fn, axis) : [axis]).map((a) =>
    normalizeAxis(fn, a, ndim),
  );
  if (new Set(list).size !== list.length) throw new ValueError('repeated axis');
  return list;
}

/** np.squeeze: the array without its size-1 axes (or only the given ones), as a view. */
export function squeeze(x: ArrayInput, axis?: number | readonly number[] | null): NDArray {
  return withArray('squeeze', x, (a) => {
    const drop =
      axis === undefined || axis === null
        ? a.dims.flatMap((d, i) => (d === 1 ? [i] : []))
        : axisList('squeeze', axis, a.ndim);
    for (const i of drop) {
      if (a.dims[i] !== 1) {
        throw new ValueError(
          'cannot select an axis to squeeze out which has size not equal to one',
        );
      }
    }
    const keep = a.dims.flatMap((_, i) => (drop.includes(i) ? [] : [i]));
    return a.view(
      keep.map((i) => a.dims[i]),
      keep.map((i) => a.elementStrides[i]),
    );
  });
}

/** np.expand_dims: a view with size-1 axes inserted at the given positions of the result. */
export function expandDims(x: ArrayInput, axis: number | readonly number[]): NDArray {
  checkReadable('expandDims', axis);
  return withArray('expandDims', x, (a) => {
    const count = Array.isArray(axis) ? axis.length : 1;
    const inserted = axisList('expandDims', axis, a.ndim + count);
    const shape: number[] = [];
    const strides: number[] = [];
    let source = 0;
    for (let i = 0; i < a.ndim + count; i++) {
      if (inserted.includes(i)) {
        shape.push(1);
        strides.push(0);
      } else {
        shape.push(a.dims[source]);
        strides.push(a.elementStrides[source++]);
      }
    }
    return a.view(shape, strides);
  });
}

/** np.transpose(x, axes?): a view with the axes permuted (reversed by default). */
export function transpose(x: ArrayInput, axes?: readonly number[] | null): NDArray {
  checkReadable('transpose', axes);
  if (axes !== undefined && axes !== null && !Array.isArray(axes)) {
    throw new TypeError(`transpose: axes must be an array of integers, got ${describe(axes)}`);
  }
  return withArray('transpose', x, (a) =>
    axes === undefined || axes === null
      ? a.transpose()
      : a.transpose(readList('transpose', axes) as number[]),
  );
}

/** np.copy: a C-contiguous copy. */
export function copy(x: ArrayInput): NDArray {
  return withArray('copy', x, (a) => a.copy());
}

/** np.ravel: the elements as a 1-D array (a view when contiguous). */
export function ravel(x: ArrayInput): NDArray {
  return withArray('ravel', x, (a) => a.ravel());
}

/** np.broadcast_to: a view of x with the given shape (stride 0 along broadcast axes). */
export function broadcastTo(x: ArrayInput, shape: number | readonly number[]): NDArray {
  return withArray('broadcastTo', x, (a) => {
    // Read once (checkShape copies it); then NumPy's own message for a negative dimension.
    let target: number[];
    try {
      target = checkShape('broadcastTo', shape);
    } catch (error) {
      if (error instanceof ValueError && /negative dimensions/.test(error.message)) {
        throw new ValueError('all elements of broadcast shape must be non-negative');
      }
      throw error;
    }
    const lead = target.length - a.ndim;
    if (lead < 0) {
      throw new ValueError('input operand has more dimensions than allowed by the axis remapping');
    }
    const fits = lead >= 0 && a.dims.every((d, i) => d === 1 || d === target[lead + i]);
    if (!fits) {
      throw new ValueError(
        'operands could not be broadcast together with remapped shapes [original->remapped]: ' +
          `${formatShape(a.dims)}  and requested shape ${formatShape(target)}`,
      );
    }
    return a.view(target, broadcastStrides(a.dims, a.elementStrides, target));
  });
}

/** An array of x's shape (and dtype, unless given) filled with value. */
function filledLike(fn: string, x: ArrayInput, value: number | boolean, dtype: unknown): NDArray {
  return withArray(fn, x, (a) => {
    const target: DType = dtype === undefined ? a.dtype : checkDType(fn, dtype);
    const out = NDArray.empty(a.dims, target, fn);
    heapOf(target).fill(castValue(value, target), out.offset, out.offset + out.size);
    return out;
  });
}

/** np.zeros_like. */
export function zerosLike(x: ArrayInput, options?: DTypeOptions): NDArray {
  const { dtype } = checkOptions('zerosLike', options, ['dtype']);
  return filledLike('zerosLike', x, 0, dtype);
}

/** np.ones_like. */
export function onesLike(x: ArrayInput, options?: DTypeOptions): NDArray {
  const { dtype } = checkOptions('onesLike', options, ['dtype']);
  return filledLike('onesLike', x, 1, dtype);
}

/** np.full_like: x's shape and dtype (unless given), every element value (cast to the dtype). */
export function fullLike(x: ArrayInput, value: number | boolean, options?: DTypeOptions): NDArray {
  const { dtype } = checkOptions('fullLike', options, ['dtype']);
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new TypeError(`fullLike: fill value must be a number or boolean, got ${describe(value)}`);
  }
  return filledLike('fullLike', x, value, dtype);
}

export interface EyeOptions extends DTypeOptions {
  k?: number;
}

/** np.eye(n, m = n, {k = 0, dtype}): ones on the k-th diagonal, zeros elsewhere. */
export function eye(n: number, m?: number | null | EyeOptions, options?: EyeOptions): NDArray {
  if (m !== null && typeof m === 'object') [m, options] = [undefined, m];
  const { k = 0, dtype = 'float64' } = checkOptions('eye', options, ['k', 'dtype']);
  const rows = checkDimension('eye', n);
  const cols = m === undefined || m === null ? rows : checkDimension('eye', m);
  if (typeof k !== 'number' || !Number.isInteger(k)) {
    throw new TypeError(`eye: k must be an integer, got ${describe(k)}`);
  }
  const target = checkDType('eye', dtype);
  const out = NDArray.empty([rows, cols], target, 'eye');
  heapOf(target).fill(0, out.offset, out.offset + out.size);
  const length = Math.max(0, k >= 0 ? Math.min(rows, cols - k) : Math.min(rows + k, cols));
  if (length > 0) {
    const start = out.offset + (k >= 0 ? k : -k * cols);
    const one = asarray(1, { dtype: target });
    try {
      castInto(one, {
        dtype: target,
        dims: [length],
        offset: start,
        itemsize: out.itemsize,
        elementStrides: [cols + 1],
      });
    } finally {
      one.dispose();
    }
  }
  return out;
}
