// var, std and cumsum, as NumPy computes them: var is mean((x - mean(x))**2) built from the
// pairwise sum exactly as numpy/_core/_methods.py's _var does, so its bits are NumPy's.
import { isFloat } from '../dtype.js';
import { checkOptions, checkReadable, describe } from '../errors.js';
import { kernel } from '../kernels.js';
import { type AxisArgument, NDArray, type VarianceArgument } from '../ndarray.js';
import { forEachIndex, normalizeAxis } from '../shape.js';
import { type ArrayInput, fromData, operand } from './create.js';
import { Temporaries } from './elementwise.js';
import { divide, multiply, sqrt, subtract } from './index.js';
import { readAxisArgument, reduce, reducedShape, resolveAxes } from './reduce.js';

export interface VarianceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  ddof?: number;
}
export type { VarianceArgument };

/** var's and std's arguments, read before the operand: the reductions' axis argument, and ddof. */
function readVarianceArgument(fn: string, arg: VarianceArgument | undefined) {
  checkReadable(fn, arg);
  let axisArgument = arg as AxisArgument | undefined;
  let ddof: unknown = 0;
  if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
    const options = checkOptions(fn, arg as VarianceOptions, ['axis', 'keepdims', 'ddof']);
    ({ ddof = 0 } = options);
    axisArgument = { axis: options.axis, keepdims: options.keepdims };
  }
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) {
    throw new TypeError(`${fn}: ddof must be a number, got ${describe(ddof)}`);
  }
  return { read: readAxisArgument(fn, axisArgument), ddof };
}

/** The axes of x in memory order (NumPy's order 'K'): by decreasing stride, ties in axis order. */
function memoryOrder(x: NDArray): number[] {
  const strides = x.elementStrides;
  return [...x.dims.keys()].sort((p, q) => Math.abs(strides[q]) - Math.abs(strides[p]) || p - q);
}

/**
 * np.var or np.std of x, as _methods._var computes it: mean = sum / n (keepdims), deviations
 * x - mean, their squares summed, / max(n - ddof, 0), and for std a square root. NumPy's
 * temporaries follow x's memory layout (order 'K'), so the second sum adds in memory order: the
 * work here runs on x with its axes in memory order, and the result is put back after.
 */
function spread(
  fn: 'var' | 'std',
  x: ArrayInput,
  options: VarianceArgument | undefined,
): NDArray | number {
  const temps = new Temporaries();
  const t = <T>(v: T): T => {
    if (v instanceof NDArray) temps.keep(v);
    return v;
  };
  const { read, ddof } = readVarianceArgument(fn, options);
  try {
    const input = temps.keep(operand(fn, x), x);
    const { axes, keepdims } = resolveAxes(fn, read, input.ndim);
    // A 0-d input is worked as one element of a 1-D array (the result is then a JS number).
    const work = input.ndim === 0 ? t(input.reshape(1)) : input;
    const workAxes = input.ndim === 0 ? [0] : axes;
    const order = memoryOrder(work);
    const inMemoryOrder = t(work.transpose(order));
    const permutedAxes = workAxes.map((a) => order.indexOf(a)).sort((p, q) => p - q);
    // Ints and bools are summed in float64, as _var asks umr_sum for dtype 'f8'.
    const arr = isFloat(input.dtype) ? inMemoryOrder : t(fromData(fn, inMemoryOrder, 'float64'));
    const count = axes.reduce((n, a) => n * input.dims[a], 1);
    const total = t(reduce(fn, 'sum', arr, permutedAxes, true)) as NDArray;
    const mean = t(divide(total, count)) as NDArray;
    const deviation = t(subtract(arr, mean)) as NDArray;
    const squares = t(multiply(deviation, deviation)) as NDArray;
    const sum = t(reduce(fn, 'sum', squares, permutedAxes, true)) as NDArray;
    let result = t(divide(sum, Math.max(count - ddof, 0))) as NDArray;
    if (fn === 'std') result = t(sqrt(result));
    // Back to x's axis order, then the reduced axes dropped unless kept.
    const inverse = order.map((_, i) => order.indexOf(i));
    const shape = reducedShape(input.dims, axes, keepdims);
    const back = t(result.transpose(inverse));
    if (shape.length === 0) return back.item() as number;
    return back.reshape(shape);
  } finally {
    temps.dispose();
  }
}

/** np.var(x, {axis, keepdims, ddof}): the mean squared deviation from the mean. */
export function variance(x: ArrayInput, options?: VarianceArgument): NDArray | number {
  return spread('var', x, options);
}

/** np.std(x, {axis, keepdims, ddof}): the square root of np.var. */
export function std(x: ArrayInput, options?: VarianceArgument): NDArray | number {
  return spread('std', x, options);
}

/** np.cumsum(x, axis?): running sums along an axis (of the flattened array when omitted). */
export function cumsum(x: ArrayInput, axis?: number | null): NDArray {
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand('cumsum', x), x);
    if (axis === undefined || axis === null) input = temps.keep(input.reshape(-1));
    else if (input.ndim === 0) input = temps.keep(input.reshape(1));
    const a = axis === undefined || axis === null ? 0 : normalizeAxis('cumsum', axis, input.ndim);
    // NumPy accumulates ints and bools in its default integer (int32 here).
    if (!isFloat(input.dtype) && input.dtype !== 'int32') {
      input = temps.keep(fromData('cumsum', input, 'int32'));
    }
    const out = NDArray.empty(input.dims, input.dtype, 'cumsum');
    if (out.size === 0) return out;
    // The axis moved last in both, so that each kernel row runs along it.
    const order = [...input.dims.keys()].filter((i) => i !== a).concat([a]);
    const src = temps.keep(input.transpose(order));
    const dst = temps.keep(out.transpose(order));
    const nd = src.ndim;
    const fn = kernel('cumsum', input.dtype);
    const rows = nd >= 2 ? src.dims[nd - 2] : 1;
    const outer = Math.max(0, nd - 2);
    const bytes = src.itemsize;
    forEachIndex(src.dims, outer, (index) => {
      let xe = src.offset;
      let oe = dst.offset;
      for (let i = 0; i < outer; i++) {
        xe += index[i] * src.elementStrides[i];
        oe += index[i] * dst.elementStrides[i];
      }
      const second = (s: readonly number[]) => (nd >= 2 ? s[nd - 2] : 0);
      fn(
        rows,
        src.dims[nd - 1],
        xe * bytes,
        second(src.elementStrides),
        src.elementStrides[nd - 1],
        oe * bytes,
        second(dst.elementStrides),
        dst.elementStrides[nd - 1],
      );
    });
    return out;
  } finally {
    temps.dispose();
  }
}
