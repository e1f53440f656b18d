// var, std and cumsum, as NumPy computes them: var is mean((x - mean(x))**2) built from the
// pairwise sum exactly as numpy/_core/_methods.py's _var does, so its bits are NumPy's.
import { isFloat } from '../dtype.js';
import { checkOptions, describe } from '../errors.js';
import { kernel } from '../kernels.js';
import { NDArray } from '../ndarray.js';
import { forEachIndex, normalizeAxes, normalizeAxis } from '../shape.js';
import { type ArrayInput, fromData, operand } from './create.js';
import { Temporaries } from './elementwise.js';
import { divide, multiply, sqrt, subtract } from './index.js';
import { reduce, reducedShape } from './reduce.js';

export interface VarianceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  ddof?: number;
}

function varianceArguments(
  fn: string,
  arg: number | readonly number[] | null | VarianceOptions | undefined,
) {
  let axis: unknown = arg;
  let keepdims: unknown = false;
  let ddof: unknown = 0;
  if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
    ({
      axis,
      keepdims = false,
      ddof = 0,
    } = checkOptions(fn, arg as VarianceOptions, ['axis', 'keepdims', 'ddof']));
  }
  if (typeof keepdims !== 'boolean') {
    throw new TypeError(`${fn}: keepdims must be a boolean, got ${describe(keepdims)}`);
  }
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) {
    throw new TypeError(`${fn}: ddof must be a number, got ${describe(ddof)}`);
  }
  return { axis, keepdims, ddof };
}

/** np.var(x, {axis, keepdims, ddof}): the mean squared deviation from the mean. */
export function variance(
  x: ArrayInput,
  options?: number | readonly number[] | null | VarianceOptions,
  fn = 'var',
): NDArray | number {
  const { axis, keepdims, ddof } = varianceArguments(fn, options);
  const temps = new Temporaries();
  const t = <T>(v: T): T => {
    if (v instanceof NDArray) temps.keep(v);
    return v;
  };
  try {
    const input = temps.keep(operand(fn, x), x);
    const axes = normalizeAxes(axis, input.ndim);
    // Ints and bools are summed in float64, as _var asks umr_sum for dtype 'f8'.
    const arr = isFloat(input.dtype) ? input : temps.keep(fromData(fn, input, 'float64'));
    const count = axes.reduce((n, a) => n * arr.shape[a], 1);
    const total = t(reduce(fn, 'sum', arr, axes, true)) as NDArray;
    const mean = t(divide(total, count)) as NDArray;
    const deviation = t(subtract(arr, mean)) as NDArray;
    const squares = t(multiply(deviation, deviation)) as NDArray;
    const sum = t(reduce(fn, 'sum', squares, axes, keepdims));
    const result = divide(sum, Math.max(count - ddof, 0));
    return typeof result === 'number' && arr.dtype === 'float32' ? Math.fround(result) : result;
  } finally {
    temps.dispose();
  }
}

/** np.std(x, {axis, keepdims, ddof}): the square root of np.var. */
export function std(
  x: ArrayInput,
  options?: number | readonly number[] | null | VarianceOptions,
): NDArray | number {
  const v = variance(x, options, 'std');
  if (typeof v === 'number') return Math.sqrt(v);
  try {
    return sqrt(v);
  } finally {
    v.dispose();
  }
}

/** np.cumsum(x, axis?): running sums along an axis (of the flattened array when omitted). */
export function cumsum(x: ArrayInput, axis?: number | null): NDArray {
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand('cumsum', x), x);
    if (axis === undefined || axis === null) input = temps.keep(input.reshape(-1));
    else if (input.ndim === 0) input = temps.keep(input.reshape(1));
    const a = axis === undefined || axis === null ? 0 : normalizeAxis(axis, input.ndim);
    // NumPy accumulates ints and bools in its default integer (int32 here).
    if (!isFloat(input.dtype) && input.dtype !== 'int32') {
      input = temps.keep(fromData('cumsum', input, 'int32'));
    }
    const out = NDArray.empty(input.shape, input.dtype, 'cumsum');
    if (out.size === 0) return out;
    // The axis moved last in both, so that each kernel row runs along it.
    const order = [...input.shape.keys()].filter((i) => i !== a).concat([a]);
    const src = temps.keep(input.transpose(order));
    const dst = temps.keep(out.transpose(order));
    const nd = src.ndim;
    const fn = kernel('cumsum', input.dtype);
    const rows = nd >= 2 ? src.shape[nd - 2] : 1;
    const outer = Math.max(0, nd - 2);
    const bytes = src.itemsize;
    forEachIndex(src.shape, outer, (index) => {
      let xe = src.offset;
      let oe = dst.offset;
      for (let i = 0; i < outer; i++) {
        xe += index[i] * src.elementStrides[i];
        oe += index[i] * dst.elementStrides[i];
      }
      const second = (s: readonly number[]) => (nd >= 2 ? s[nd - 2] : 0);
      fn(
        rows,
        src.shape[nd - 1],
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

export { reducedShape };
