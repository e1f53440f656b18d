// Reductions: sum, mean, max, min, argmax over any set of axes, in NumPy's order (DESIGN.md,
// Accuracy): the input's axes are walked in memory order; when the innermost is reduced, each
// row is reduced by one kernel call (pairwise for sums), and rows are accumulated in index
// order; otherwise whole rows of the output are accumulated elementwise, from +0.0 for sums.
import { type DType, isFloat } from '../dtype.js';
import { ValueError, checkBoolean, checkOptions, checkReadable } from '../errors.js';
import { kernel } from '../kernels.js';
import { scratchAddress } from '../wasm.js';
import { splitCall, splitPairwiseSum, splits, splitsSum } from '../threads/split.js';
import { type AxisArgument, NDArray, castValue, heapOf } from '../ndarray.js';
import { type Shape, forEachIndex, normalizeAxes, normalizeAxis } from '../shape.js';
import { type ArrayInput, fromData, operand } from './create.js';
import { Temporaries, binary, firstValue } from './elementwise.js';

export type { AxisArgument };

export interface ReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/** A reduction's axis argument as read from the call, before its operand is touched. */
export interface AxisRead {
  axis: unknown;
  keepdims: boolean;
}

/**
 * Reads the axis argument of a reduction in any of its three forms (an axis, a list of axes,
 * or {axis, keepdims}). Called before the operand is resolved: an options getter runs first.
 */
export function readAxisArgument(fn: string, arg: AxisArgument | undefined): AxisRead {
  checkReadable(fn, arg);
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
    return { axis: arg, keepdims: false };
  }
  const { axis, keepdims = false } = checkOptions(fn, arg as ReduceOptions, ['axis', 'keepdims']);
  return { axis, keepdims: checkBoolean(fn, 'keepdims', keepdims) };
}

/**
 * The axes a read axis argument names for an operand of `ndim` dimensions. With `scalarAxis`, a
 * 0-d array also takes the integer axis 0 or -1, as NumPy's sum, prod, max, min, all and any do
 * (not mean, var or std).
 */
export function resolveAxes(
  fn: string,
  { axis, keepdims }: AxisRead,
  ndim: number,
  scalarAxis = false,
): { axes: number[]; keepdims: boolean } {
  if (scalarAxis && ndim === 0 && (axis === 0 || axis === -1)) return { axes: [], keepdims };
  return { axes: normalizeAxes(fn, axis, ndim), keepdims };
}

export function reducedShape(shape: Shape, axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (!axes.includes(i)) out.push(shape[i]);
    else if (keepdims) out.push(1);
  }
  return out;
}

/** Whether `axes` (sorted) are the last axes.length axes of an ndim-dimensional array. */
function trailing(axes: readonly number[], ndim: number): boolean {
  for (let i = 0; i < axes.length; i++) if (axes[i] !== ndim - axes.length + i) return false;
  return true;
}

interface Dim {
  size: number;
  xStride: number;
  outStride: number;
  reduced: boolean;
}

/**
 * The loop of a reduction: size-1 axes dropped, axes sorted by the input's stride (memory
 * order, as NumPy's iterator does), neighbours of one kind merged where memory allows.
 */
function reductionDims(x: NDArray, axes: readonly number[], outStrides: readonly number[]): Dim[] {
  const dims: Dim[] = x.dims
    .map((size, i) => ({
      size,
      xStride: x.elementStrides[i],
      outStride: outStrides[i],
      reduced: axes.includes(i),
    }))
    .filter((d) => d.size !== 1);
  dims.sort((a, b) => Math.abs(b.xStride) - Math.abs(a.xStride)); // stable: ties keep axis order
  const merged: Dim[] = [];
  for (const d of dims) {
    const last = merged.at(-1);
    if (
      last &&
      last.reduced === d.reduced &&
      last.xStride === d.xStride * d.size &&
      last.outStride === d.outStride * d.size
    ) {
      last.size *= d.size;
      last.xStride = d.xStride;
      last.outStride = d.outStride;
    } else {
      merged.push({ ...d });
    }
  }
  return merged;
}

/**
 * The axes outside the innermost: the innermost kept one becomes the kernel's row axis (one
 * call covers it), the others are looped in TypeScript, in memory order.
 */
function splitOuter(dims: readonly Dim[]): { rowsDim: Dim; looped: Dim[] } {
  const rest = dims.slice(0, -1);
  const rowsAt = rest.map((d) => !d.reduced).lastIndexOf(true);
  const rowsDim =
    rowsAt >= 0 ? rest[rowsAt] : { size: 1, xStride: 0, outStride: 0, reduced: false };
  return { rowsDim, looped: rest.filter((_, i) => i !== rowsAt) };
}

type Kind = 'sum' | 'prod' | 'max' | 'min';
/** The binary ufunc each reduction repeats (NumPy's add.reduce, maximum.reduce, ...). */
const UFUNC: Record<Kind, 'add' | 'multiply' | 'maximum' | 'minimum'> = {
  sum: 'add',
  prod: 'multiply',
  max: 'maximum',
  min: 'minimum',
};

/**
 * Reduces x (already in the dtype to reduce in) over `axes` into `out` (contiguous, with the
 * kept axes of x, size-1 where reduced). `rowKernel` reduces one row: sum, max, min, or a fused
 * sumsq/sumabs, which are only valid when the innermost axis is reduced (the caller checks).
 */
function reduceInto(
  kind: Kind,
  rowKernel: string,
  x: NDArray,
  axes: readonly number[],
  out: NDArray,
): void {
  if (x.isContiguous && trailing(axes, x.ndim)) {
    reduceTrailingContiguous(rowKernel, x, x.size / out.size, out);
    return;
  }
  // out's strides laid over x's axes: 0 where reduced.
  const outStrides: number[] = [];
  let step = 1;
  for (let i = x.ndim - 1; i >= 0; i--) {
    outStrides[i] = axes.includes(i) ? 0 : step;
    if (!axes.includes(i)) step *= x.dims[i];
  }
  const dims = reductionDims(x, axes, outStrides);
  const inner = dims.at(-1);
  const xBytes = x.itemsize;
  const outBytes = out.itemsize;
  if (!inner) {
    // One element: the reduction is the element (a sum starts from +0.0, so -0.0 gives 0.0).
    const value = heapOf(x.dtype)[x.offset];
    heapOf(out.dtype)[out.offset] = kind === 'sum' ? 0 + value : value;
    return;
  }
  if (inner.reduced) {
    // Row mode: one kernel call reduces `rows` rows; the other axes are looped here.
    const { rowsDim, looped } = splitOuter(dims);
    const fn = kernel(rowKernel, x.dtype);
    forEachIndex(
      looped.map((d) => d.size),
      looped.length,
      (index) => {
        let xe = x.offset;
        let oe = out.offset;
        let accumulate = 0;
        looped.forEach((d, i) => {
          xe += index[i] * d.xStride;
          oe += index[i] * d.outStride;
          if (d.reduced && index[i] > 0) accumulate = 1;
        });
        fn(
          rowsDim.size,
          inner.size,
          xe * xBytes,
          rowsDim.xStride,
          inner.xStride,
          oe * outBytes,
          rowsDim.outStride,
          accumulate,
        );
      },
    );
    return;
  }
  // Elementwise mode: out rows accumulate x rows with the binary kernel (out = out op x).
  const { rowsDim, looped } = splitOuter(dims);
  const fn = kernel(UFUNC[kind], x.dtype);
  // Sums and products start from their identity; max and min from the first row itself.
  const fromIdentity = kind === 'sum' || kind === 'prod';
  if (fromIdentity)
    heapOf(out.dtype).fill(kind === 'sum' ? 0 : 1, out.offset, out.offset + out.size);
  forEachIndex(
    looped.map((d) => d.size),
    looped.length,
    (index) => {
      let xe = x.offset;
      let oe = out.offset;
      let first = true;
      looped.forEach((d, i) => {
        xe += index[i] * d.xStride;
        oe += index[i] * d.outStride;
        if (d.reduced && index[i] > 0) first = false;
      });
      const xp = xe * xBytes;
      const op = oe * outBytes;
      // max/min start from the first row itself: maximum(x, x) is x.
      const acc = !fromIdentity && first ? xp : op;
      const [accS0, accS1] =
        !fromIdentity && first
          ? [rowsDim.xStride, inner.xStride]
          : [rowsDim.outStride, inner.outStride];
      fn(
        rowsDim.size,
        inner.size,
        acc,
        accS0,
        accS1,
        xp,
        rowsDim.xStride,
        inner.xStride,
        op,
        rowsDim.outStride,
        inner.outStride,
      );
    },
  );
}

/** A 0-d result is a JS number; anything else stays an array. */
function finish(out: NDArray, shape: readonly number[]): NDArray | number {
  if (shape.length > 0) return out;
  const value = firstValue(out);
  out.dispose();
  return value;
}

/**
 * The reduction of a contiguous array over its trailing axes (a row sum, a row norm): one
 * kernel call, rows of `cols` elements into a contiguous output, as reduceInto's row mode.
 */
function reduceTrailingContiguous(rowKernel: string, x: NDArray, cols: number, out: NDArray): void {
  const rows = x.size / cols;
  const from = x.offset * x.itemsize;
  const to = out.offset * out.itemsize;
  if (splits(rowKernel, x.size)) {
    const args = [rows, cols, from, cols, 1, to, 1, 0];
    splitCall(rowKernel, x.dtype, args, 0, [0, 0, cols * x.itemsize, 0, 0, out.itemsize, 0, 0]);
  } else {
    kernel(rowKernel, x.dtype)(rows, cols, from, cols, 1, to, 1, 0);
  }
}

/**
 * The reduction of every element of a contiguous array: one kernel call that leaves its value
 * in the scratch slot (no output array), read back as a JS number.
 */
function reduceAllContiguous(rowKernel: string, x: NDArray, result: DType): number {
  let value: number;
  if (splitsSum(rowKernel, x.dtype, x.size)) {
    value = splitPairwiseSum(rowKernel, x.dtype, x.size, [x.offset * x.itemsize]);
  } else {
    kernel(rowKernel, x.dtype)(1, x.size, x.offset * x.itemsize, 0, 1, scratchAddress, 0, 0);
    value = heapOf(x.dtype)[scratchAddress / x.itemsize];
  }
  return result === x.dtype ? value : castValue(value, result);
}

/** An int32 sum along axes beyond int32 is an error, not a wrapped value (NumPy: int64). */
function checkInt32Sums(fn: string, sums: NDArray): void {
  const values = heapOf('float64');
  for (let i = sums.offset; i < sums.offset + sums.size; i++) {
    const v = values[i];
    if (v > 2147483647 || v < -2147483648) {
      throw new RangeError(
        `${fn}: a sum of ${v} does not fit in int32, this library's integer (NumPy's int64 ` +
          "would hold it); convert first: x.astype('float64')",
      );
    }
  }
}

/** The dtype a sum is carried out in and the dtype of its result. */
function sumTypes(dtype: DType): { work: DType; result: DType } {
  if (isFloat(dtype)) return { work: dtype, result: dtype };
  return { work: 'float64', result: 'int32' }; // exact in float64; NumPy: int64
}

/**
 * The reduction machinery shared by sum, max, min and the norms: checks, empty inputs,
 * conversions, the kernel run, and the JS number for 0-d results.
 */
export function reduce(
  fn: string,
  kind: Kind,
  x: NDArray,
  axes: readonly number[],
  keepdims: boolean,
  rowKernel: string = kind,
): NDArray | number {
  // The common case first: a float array reduced over its trailing axes (a full or a row sum, a
  // row norm), one kernel call with nothing to convert or dispose.
  if (isFloat(x.dtype) && x.isContiguous && x.size > 0 && trailing(axes, x.ndim)) {
    const shape = reducedShape(x.dims, axes, keepdims);
    if (shape.length === 0) return reduceAllContiguous(rowKernel, x, x.dtype);
    const out = NDArray.empty(shape, x.dtype, fn);
    reduceTrailingContiguous(rowKernel, x, x.size / out.size, out);
    return out;
  }
  const temps = new Temporaries();
  try {
    const shape = reducedShape(x.dims, axes, keepdims);
    const { work, result } =
      kind === 'sum'
        ? sumTypes(x.dtype)
        : kind === 'prod' && x.dtype === 'bool'
          ? { work: 'int32' as DType, result: 'int32' as DType }
          : { work: x.dtype, result: x.dtype };
    let reducedCount = 1;
    for (const a of axes) reducedCount *= x.dims[a];
    if (reducedCount === 0 && (kind === 'max' || kind === 'min')) {
      throw new ValueError(
        `zero-size array to reduction operation ${UFUNC[kind]} which has no identity`,
      );
    }
    const input = work === x.dtype ? x : temps.keep(fromData(fn, x, work));
    // A full sum of ints is a JS number, exact as NumPy's int64 sum (float64 holds every sum
    // of int32 values up to 2**53); a sum along axes stays int32, and refuses to wrap.
    const exact = kind === 'sum' && shape.length === 0 ? work : result;
    if (shape.length === 0 && input.size > 0 && input.isContiguous) {
      return reduceAllContiguous(rowKernel, input, exact);
    }
    const acc = NDArray.empty(shape, work, fn);
    if (acc.size > 0) {
      if (reducedCount === 0) {
        heapOf(work).fill(kind === 'prod' ? 1 : 0, acc.offset, acc.offset + acc.size);
      } else reduceInto(kind, rowKernel, input, axes, acc);
    }
    if (exact === work) return finish(acc, shape);
    temps.keep(acc);
    if (kind === 'sum' && result === 'int32') checkInt32Sums(fn, acc);
    return finish(fromData(fn, acc, result), shape);
  } finally {
    temps.dispose();
  }
}

/** Whether the input's innermost (smallest-stride) non-trivial axis is among `axes`. */
export function innermostReduced(x: NDArray, axes: readonly number[]): boolean {
  let best = -1;
  for (let i = 0; i < x.ndim; i++) {
    if (x.dims[i] === 1) continue;
    if (best < 0 || Math.abs(x.elementStrides[i]) <= Math.abs(x.elementStrides[best])) best = i;
  }
  return best >= 0 && axes.includes(best);
}

function reduction(fn: string, kind: Kind) {
  return (x: ArrayInput, axis?: AxisArgument): NDArray | number => {
    const read = readAxisArgument(fn, axis);
    checkReadable(fn, x);
    if (x instanceof NDArray) {
      const { axes, keepdims } = resolveAxes(fn, read, x.check(fn).ndim, true);
      return reduce(fn, kind, x, axes, keepdims);
    }
    const temps = new Temporaries();
    try {
      const input = temps.keep(operand(fn, x), x);
      const { axes, keepdims } = resolveAxes(fn, read, input.ndim, true);
      return reduce(fn, kind, input, axes, keepdims);
    } finally {
      temps.dispose();
    }
  };
}

/** Sum of the elements over the given axes (all by default), in NumPy's pairwise order. */
export const sum = reduction('sum', 'sum');
/** Product of the elements over the given axes (all by default), multiplied in index order. */
export const prod = reduction('prod', 'prod');
/** Largest element over the given axes; NaN propagates. */
export const max = reduction('max', 'max');
/** Smallest element over the given axes; NaN propagates. */
export const min = reduction('min', 'min');

/** np.mean: arithmetic mean over the given axes; int and bool inputs give float64. */
export function mean(x: ArrayInput, axis?: AxisArgument): NDArray | number {
  const read = readAxisArgument('mean', axis);
  const temps = new Temporaries();
  try {
    const input = temps.keep(operand('mean', x), x);
    const { axes, keepdims } = resolveAxes('mean', read, input.ndim);
    const float = isFloat(input.dtype) ? input : temps.keep(fromData('mean', input, 'float64'));
    const count = axes.reduce((n, a) => n * input.dims[a], 1);
    const total = reduce('mean', 'sum', float, axes, keepdims);
    if (typeof total === 'number')
      return float.dtype === 'float32' ? Math.fround(total / count) : total / count;
    temps.keep(total);
    return binary('divide', total, count) as NDArray;
  } finally {
    temps.dispose();
  }
}

export interface ArgmaxOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** np.argmax: index of the first maximum (the first NaN wins), over the flattened array or along one axis. */
export function argmax(x: ArrayInput, axis?: number | null | ArgmaxOptions): NDArray | number {
  return argExtreme('argmax', x, axis);
}

/** np.argmin: index of the first minimum (the first NaN wins), over the flattened array or along one axis. */
export function argmin(x: ArrayInput, axis?: number | null | ArgmaxOptions): NDArray | number {
  return argExtreme('argmin', x, axis);
}

function argExtreme(
  name: 'argmax' | 'argmin',
  x: ArrayInput,
  axis?: number | null | ArgmaxOptions,
): NDArray | number {
  const { axis: chosen, keepdims } = readAxisArgument(name, axis as AxisArgument | undefined);
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand(name, x), x);
    // NumPy's argmax and argmin see a 0-d array as one element of a 1-D array (and give a
    // scalar for it, keepdims or not).
    const zeroDim = input.ndim === 0;
    if (zeroDim) input = temps.keep(input.reshape(1));
    const flat = chosen === null || chosen === undefined;
    const ndim = input.ndim;
    const a = flat ? 0 : normalizeAxis(name, chosen, ndim);
    if (flat ? input.size === 0 : input.dims[a] === 0) {
      throw new ValueError(`attempt to get ${name} of an empty sequence`);
    }
    if (flat) input = temps.keep(input.reshape(-1));
    if (input.dtype === 'bool') input = temps.keep(fromData(name, input, 'int32'));
    const order = [...input.dims.keys()].filter((i) => i !== a).concat(input.ndim > 0 ? [a] : []);
    const moved = temps.keep(input.transpose(order));
    const outShape = moved.dims.slice(0, -1);
    const out = NDArray.empty(outShape, 'int32', name);
    const fn = kernel(name, input.dtype);
    const nd = moved.ndim;
    if (nd === 0) {
      heapOf('int32')[out.offset] = 0;
    } else if (out.size > 0) {
      const cols = moved.dims[nd - 1];
      const rows = nd >= 2 ? moved.dims[nd - 2] : 1;
      const outer = Math.max(0, nd - 2);
      const rowStride = nd >= 2 ? moved.elementStrides[nd - 2] : 0;
      const stride = moved.elementStrides[nd - 1];
      if (outer === 0 && splits(name, moved.size)) {
        // By rows: int32 indices into a contiguous output.
        const args = [
          rows,
          cols,
          moved.offset * moved.itemsize,
          rowStride,
          stride,
          out.offset * 4,
          1,
        ];
        const advance = [0, 0, rowStride * moved.itemsize, 0, 0, 4, 0];
        splitCall(name, input.dtype, args, 0, advance);
      } else {
        forEachIndex(moved.dims, outer, (index) => {
          let xe = moved.offset;
          let oe = out.offset;
          for (let i = 0; i < outer; i++) {
            xe += index[i] * moved.elementStrides[i];
            oe += index[i] * out.elementStrides[i];
          }
          fn(rows, cols, xe * moved.itemsize, rowStride, stride, oe * 4, 1);
        });
      }
    }
    if (keepdims === true && !zeroDim) {
      const kept = flat
        ? new Array<number>(ndim).fill(1)
        : [...outShape.slice(0, a), 1, ...outShape.slice(a)];
      temps.keep(out);
      return out.reshape(kept);
    }
    return finish(out, outShape);
  } finally {
    temps.dispose();
  }
}
