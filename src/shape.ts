// Shape logic: validation, sizes, strides, broadcasting, axes and reshape, all on plain numbers.
import {
  AxisError,
  ValueError,
  checkReadable,
  describe,
  formatShape,
  isReadable,
  readList,
} from './errors.js';

export type Shape = readonly number[];

/** Product of the dimensions (1 for a 0-d shape). */
export function shapeSize(shape: Shape): number {
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i];
  return size;
}

/** Row-major strides in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i] === 0 ? 1 : shape[i];
  }
  return strides;
}

/** Whether (shape, strides) walks memory in row-major order with no gaps. */
export function isContiguous(shape: Shape, strides: readonly number[]): boolean {
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 1) continue;
    if (shape[i] === 0) return true;
    if (strides[i] !== step) return false;
    step *= shape[i];
  }
  return true;
}

/** NumPy's limit on the number of dimensions. */
export const MAX_NDIM = 64;

/** One dimension given by the user: a non-negative safe integer (NumPy's checks and words). */
export function checkDimension(fn: string, d: unknown): number {
  if (typeof d !== 'number' || !Number.isInteger(d)) {
    throw new TypeError(
      `${fn}: expected a sequence of integers or a single integer, got ${describe(d)}`,
    );
  }
  if (d < 0) throw new ValueError(`${fn}: negative dimensions are not allowed`);
  if (d > Number.MAX_SAFE_INTEGER)
    throw new ValueError(`${fn}: Maximum allowed dimension exceeded`);
  return d;
}

/**
 * A shape given by the user as a number or an array of numbers. The array's length and each
 * element are read once (a Proxy or a getter cannot change them between the check and the
 * copy), holes are refused, and the size must be a safe integer.
 */
export function checkShape(fn: string, shape: unknown): number[] {
  if (typeof shape === 'number') return [checkDimension(fn, shape)];
  if (typeof shape === 'object' && shape !== null && !isReadable(shape)) {
    throw new TypeError(
      `${fn}: shape must be a number or an array of numbers, got ${describe(shape)}`,
    );
  }
  if (!Array.isArray(shape)) {
    throw new TypeError(
      `${fn}: shape must be a number or an array of numbers, got ${describe(shape)}`,
    );
  }
  const ndim: number = shape.length;
  if (ndim > MAX_NDIM) {
    throw new ValueError(
      `${fn}: maximum supported dimension for an ndarray is currently ${MAX_NDIM}, found ${ndim}`,
    );
  }
  const dims = new Array<number>(ndim);
  let size = 1;
  for (let i = 0; i < ndim; i++) {
    dims[i] = checkDimension(fn, shape[i]);
    size *= dims[i];
  }
  checkSize(fn, size);
  return dims;
}

/** NumPy's error for a shape whose size no array can have. */
export function checkSize(fn: string, size: number): void {
  if (!(size <= Number.MAX_SAFE_INTEGER)) {
    throw new ValueError(
      `${fn}: array is too big; \`arr.size * arr.dtype.itemsize\` is larger than the maximum possible size.`,
    );
  }
}

/** NumPy's broadcasting of any number of shapes. */
export function broadcastShapes(...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const j = ndim - shape.length + i;
      const d = shape[i];
      if (d === out[j] || d === 1) continue;
      if (out[j] === 1) out[j] = d;
      else {
        throw new ValueError(
          `operands could not be broadcast together with shapes ${shapes.map(formatShape).join(' ')} `,
        );
      }
    }
  }
  return out;
}

/** Strides (in elements) that read an array of `shape` as if it had `target` shape. */
export function broadcastStrides(
  shape: Shape,
  strides: readonly number[],
  target: Shape,
): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) out[lead + i] = shape[i] === 1 ? 0 : strides[i];
  return out;
}

/** A possibly negative axis, checked against ndim; `fn` names the caller. */
export function normalizeAxis(fn: string, axis: unknown, ndim: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new TypeError(`${fn}: axis must be an integer, got ${describe(axis)}`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** An axis argument (int, int[] or null/undefined for all), sorted, checked for repeats. */
export function normalizeAxes(fn: string, axis: unknown, ndim: number): number[] {
  // Plain loops: this runs on every reduction, and Array.from/map/Set cost more than a small sum.
  const axes: number[] = [];
  if (axis === null || axis === undefined) {
    for (let i = 0; i < ndim; i++) axes.push(i);
    return axes;
  }
  checkReadable(fn, axis);
  const list = Array.isArray(axis) ? readList(fn, axis) : [axis];
  for (const a of list) {
    const normalized = normalizeAxis(fn, a, ndim);
    if (axes.includes(normalized)) throw new ValueError("duplicate value in 'axis'");
    axes.push(normalized);
  }
  return axes.length > 1 ? axes.sort((a, b) => a - b) : axes;
}

/** A requested shape as NumPy's reshape errors write it: leading unknowns dropped, others "newaxis". */
function formatRequestedShape(shape: readonly number[]): string {
  let i = 0;
  while (i < shape.length && shape[i] < 0) i++;
  if (i === shape.length) return '()';
  const parts = [String(shape[i])];
  for (i++; i < shape.length; i++) parts.push(shape[i] < 0 ? 'newaxis' : String(shape[i]));
  return shape.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

/** The new shape of a reshape, with its one unknown (any negative) dimension resolved. */
export function resolveReshape(size: number, requested: readonly unknown[]): number[] {
  let unknown = -1;
  let known = 1;
  // Read once, by index: a hole is undefined, not skipped.
  const ndim = requested.length;
  if (ndim > MAX_NDIM) {
    throw new ValueError(
      `reshape: maximum supported dimension for an ndarray is currently ${MAX_NDIM}, found ${ndim}`,
    );
  }
  const shape = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const d = requested[i];
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new TypeError(`reshape: ${describe(d)} cannot be interpreted as an integer dimension`);
    }
    if (Math.abs(d) > Number.MAX_SAFE_INTEGER) {
      throw new ValueError('reshape: Maximum allowed dimension exceeded');
    }
    if (d < 0) {
      if (unknown >= 0) throw new ValueError('can only specify one unknown dimension');
      unknown = i;
    } else {
      known *= d;
    }
    shape[i] = d;
  }
  const fits = unknown >= 0 ? known !== 0 && size % known === 0 : known === size;
  if (!fits) {
    throw new ValueError(
      `cannot reshape array of size ${size} into shape ${formatRequestedShape(shape)}`,
    );
  }
  if (unknown >= 0) shape[unknown] = size / known;
  return shape;
}

/**
 * Simplifies a loop over `shape` that several operands step through with their own strides:
 * size-1 dimensions are dropped and neighbours merged where every operand steps through both
 * as one, so that contiguous data becomes one long row.
 */
export function coalesce(
  shape: Shape,
  strides: readonly (readonly number[])[],
): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && strides.every((s, k) => outStrides[k][last] === s[d] * shape[d])) {
      outShape[last] *= shape[d];
      strides.forEach((s, k) => (outStrides[k][last] = s[d]));
    } else {
      outShape.push(shape[d]);
      strides.forEach((s, k) => outStrides[k].push(s[d]));
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls fn(index) for every index of the leading `count` dimensions of shape, in C order.
 */
export function forEachIndex(
  shape: Shape,
  count: number,
  fn: (index: readonly number[]) => void,
): void {
  const index = new Array<number>(count).fill(0);
  if (shape.slice(0, count).some((d) => d === 0)) return;
  for (;;) {
    fn(index);
    let axis = count - 1;
    while (axis >= 0 && ++index[axis] === shape[axis]) index[axis--] = 0;
    if (axis < 0) return;
  }
}

/** Whether two shapes are equal (the same array, or element by element). */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
