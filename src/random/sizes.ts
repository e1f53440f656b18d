// The size argument of NumPy's random functions, and the arrays they fill.
import { ValueError, describe } from '../errors.js';
import { NDArray } from '../ndarray.js';
import { checkShape, shapeSize } from '../shape.js';

/** The dims of an output: a number or a dims array. */
export type Dims = number | readonly number[];
/** A size as NumPy takes it: dims, or undefined or null for one JS number. */
export type Size = Dims | null | undefined;

/** The dims of a size, or undefined when the caller wants a JS number. */
export function dimsOf(fn: string, size: unknown): number[] | undefined {
  if (size === undefined || size === null) return undefined;
  return checkShape(fn, size);
}

/**
 * Fills a new array of `dims` (one element when dims is undefined) by `fill(out)`, and returns
 * the array, or its one element as a JS number.
 */
export function filled(
  fn: string,
  dims: readonly number[] | undefined,
  dtype: 'float64' | 'float32' | 'int32',
  fill: (out: NDArray, count: number) => void,
): NDArray | number {
  const out = NDArray.empty(dims ?? [], dtype, fn);
  try {
    const count = shapeSize(out.dims);
    if (count > 0) fill(out, count);
  } catch (error) {
    out.dispose();
    throw error;
  }
  if (dims !== undefined) return out;
  const value = out.item() as number;
  out.dispose();
  return value;
}

/** A finite JS number argument (low, high, loc, scale); fn names the caller. */
export function checkReal(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describe(value)}`);
  }
  if (Number.isNaN(value)) throw new ValueError(`${fn}: ${name} is NaN`);
  return value;
}

/** An integer argument (low, high, n); fn names the caller. */
export function checkInteger(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${fn}: ${name} must be an integer, got ${describe(value)}`);
  }
  return value;
}
