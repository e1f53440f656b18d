// nn: the neural-network basics built on np. The lesson's functions (sigmoid and its
// derivative, softmax, log-softmax, row normalisation, L1 and L2) run as fused wasm kernels;
// the rest are compositions of np ops, written as NumPy would write them.
import { type DType, isFloat, promoteTypes } from './dtype.js';
import {
  ValueError,
  checkBoolean,
  checkOptions,
  describe,
  formatShape,
  namingCaller,
} from './errors.js';
import { kernel } from './kernels.js';
import { splitCall, splitPairwiseSum, splits, splitsSum } from './threads/split.js';
import { tidy } from './memory.js';
import { type ArrayInput, NDArray, castValue, forEachOffset, heapOf } from './ndarray.js';
import { fromData, operand } from './ops/create.js';
import {
  Temporaries,
  applyBinary,
  applyUnaryKernel,
  arithmeticTypes,
  binary,
  firstValue,
  unary,
} from './ops/elementwise.js';
import { norm } from './ops/linalg.js';
import { max, mean, sum } from './ops/reduce.js';
import { coalesce, forEachIndex, normalizeAxis, normalizeAxes, shapeSize } from './shape.js';
import { scratchAddress } from './wasm.js';
import type { UnaryFunction } from './ufunc-types.js';

/** A function made of np's: its temporaries freed, and its parts' errors naming it too. */
function composed<T>(fn: string, body: () => T): T {
  return namingCaller(fn, () => tidy(body));
}

/** The logistic function of one JS number, with Math.exp: 1 / (1 + e^-x). */
export function basicSigmoid(x: number): number {
  if (typeof x !== 'number') {
    throw new TypeError(`basicSigmoid: must be a real number, not ${describe(x)}`);
  }
  return 1 / (1 + Math.exp(-x));
}

/** The operand as a float array: int and bool become float64, as NumPy's exp makes them. */
function floatOperand(fn: string, x: ArrayInput, temps: Temporaries): NDArray {
  const input = temps.keep(operand(fn, x), x);
  return isFloat(input.dtype) ? input : temps.keep(fromData(fn, input, 'float64'));
}

/** floatOperand inside np.tidy, which frees what it converts. */
function asFloat(fn: string, x: ArrayInput): NDArray {
  const input = operand(fn, x);
  return isFloat(input.dtype) ? input : fromData(fn, input, 'float64');
}

/** Runs a one-pass elementwise kernel (same signature as the unary ones) into a new array. */
function fusedElementwise(name: string, x: ArrayInput): NDArray | number {
  const temps = new Temporaries();
  try {
    return applyUnaryKernel(name, floatOperand(name, x, temps), x, temps);
  } finally {
    temps.dispose();
  }
}

/** 1 / (1 + e^-x), elementwise, in one pass; never overflows (e^-|x| is what is computed). */
export const sigmoid = ((x: ArrayInput) => fusedElementwise('sigmoid', x)) as UnaryFunction;

/** s(1 - s) with s = sigmoid(x), elementwise, in one pass. */
export const sigmoidDerivative = ((x: ArrayInput) =>
  fusedElementwise('sigmoidDerivative', x)) as UnaryFunction;

/** An (height, width, channels) image as a (height·width·channels, 1) column, in row-major order. */
export function image2vector(image: ArrayInput): NDArray {
  const temps = new Temporaries();
  try {
    const input = temps.keep(operand('image2vector', image), image);
    if (input.ndim !== 3) {
      throw new ValueError(
        `image2vector: expected a 3-D array (height, width, channels), got shape ${formatShape(input.dims)}`,
      );
    }
    return input.reshape(-1, 1);
  } finally {
    temps.dispose();
  }
}

/**
 * Calls a row kernel (rows, cols, x, xs0, xs1, out) over every row of x's last axis; out is a
 * new contiguous array of x's shape.
 */
function runRows(name: string, x: NDArray, out: NDArray): void {
  const cols = x.dims.at(-1)!;
  if (x.isContiguous) {
    // Every row in one call: rows of `cols` elements, one after the other.
    const rows = x.size / cols;
    const from = x.offset * x.itemsize;
    const to = out.offset * out.itemsize;
    if (splits(name, x.size)) {
      const row = cols * x.itemsize;
      splitCall(name, x.dtype, [rows, cols, from, cols, 1, to], 0, [0, 0, row, 0, 0, row]);
    } else {
      kernel(name, x.dtype)(rows, cols, from, cols, 1, to);
    }
    return;
  }
  const { shape: lead, strides } = coalesce(x.dims.slice(0, -1), [x.elementStrides.slice(0, -1)]);
  const rows = lead.at(-1) ?? 1;
  const rowStride = strides[0].at(-1) ?? 0;
  const outer = lead.length - 1;
  const fn = kernel(name, x.dtype);
  let done = 0;
  forEachIndex(lead, Math.max(0, outer), (index) => {
    let offset = x.offset;
    for (let i = 0; i < index.length; i++) offset += index[i] * strides[0][i];
    fn(
      rows,
      cols,
      offset * x.itemsize,
      rowStride,
      x.elementStrides.at(-1)!,
      (out.offset + done * cols) * out.itemsize,
    );
    done += rows;
  });
}

export interface AxisOption {
  axis?: number;
}

/** A fused row kernel along the last axis, or `compose` (NumPy's formula) along another. */
function alongAxis(
  fn: string,
  x: ArrayInput,
  options: AxisOption | undefined,
  compose: (x: NDArray, axis: number) => NDArray,
): NDArray {
  const { axis = -1 } = checkOptions(fn, options, ['axis']);
  const temps = new Temporaries();
  try {
    const input = floatOperand(fn, x, temps);
    const a = normalizeAxis(fn, axis, input.ndim);
    if (a !== input.ndim - 1) return tidy(() => compose(input, a));
    const out = NDArray.empty(input.dims, input.dtype, fn);
    if (out.size > 0) runRows(fn === 'softmax' ? 'softmaxRows' : 'logSoftmaxRows', input, out);
    return out;
  } finally {
    temps.dispose();
  }
}

/** exp(x - max) / sum(exp(x - max)) along an axis (the last by default): numerically stable. */
export function softmax(x: ArrayInput, options?: AxisOption): NDArray {
  return alongAxis('softmax', x, options, (input, axis) => {
    const shifted = binary('subtract', input, max(input, { axis, keepdims: true })) as NDArray;
    const e = unary('exp', shifted) as NDArray;
    return binary('divide', e, sum(e, { axis, keepdims: true })) as NDArray;
  });
}

/** log(softmax(x)) computed stably: (x - max) - log(sum(exp(x - max))), as scipy's log_softmax. */
export function logSoftmax(x: ArrayInput, options?: AxisOption): NDArray {
  return alongAxis('logSoftmax', x, options, (input, axis) => {
    const shifted = binary('subtract', input, finiteMax(input, [axis])) as NDArray;
    const total = sum(unary('exp', shifted) as NDArray, { axis, keepdims: true });
    return binary('subtract', shifted, unary('log', total)) as NDArray;
  });
}

/** max over axes with keepdims, with non-finite maxima replaced by 0 (scipy's shift). */
function finiteMax(x: NDArray, axes: number[]): NDArray {
  const reduced = max(x, { axis: axes, keepdims: true });
  // A 0-d input reduces to a JS number: back into a 0-d array.
  const m = typeof reduced === 'number' ? fromData('logsumexp', reduced, x.dtype) : reduced;
  const values = heapOf(m.dtype);
  forEachOffset(m.dims, m.elementStrides, m.offset, (o) => {
    if (!Number.isFinite(values[o])) values[o] = 0;
  });
  return m;
}

export interface LogsumexpOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/** log(sum(exp(x))) over axes (all by default), computed stably as scipy.special.logsumexp. */
export function logsumexp(x: ArrayInput, options?: LogsumexpOptions): NDArray | number {
  const { axis = null, keepdims = false } = checkOptions('logsumexp', options, [
    'axis',
    'keepdims',
  ]);
  checkBoolean('logsumexp', 'keepdims', keepdims);
  return tidy(() => {
    const input = asFloat('logsumexp', x);
    const axes = normalizeAxes('logsumexp', axis, input.ndim);
    const m = finiteMax(input, axes);
    const total = sum(unary('exp', binary('subtract', input, m)), { axis: axes, keepdims });
    const shift = keepdims ? m : m.reshape(m.dims.filter((_, i) => !axes.includes(i)));
    const result = binary('add', unary('log', total), shift);
    return result instanceof NDArray && result.ndim === 0 ? (result.item() as number) : result;
  });
}

/** x / ‖x‖₂ along axis 1 (each row of a matrix scaled to unit length); a zero row gives nan. */
export function normalizeRows(x: ArrayInput): NDArray {
  const temps = new Temporaries();
  try {
    const input = floatOperand('normalizeRows', x, temps);
    if (input.ndim !== 2) {
      normalizeAxis('normalizeRows', 1, input.ndim); // NumPy's AxisError for 1-D input
      return tidy(
        () => binary('divide', input, norm(input, { axis: 1, keepdims: true })) as NDArray,
      );
    }
    const out = NDArray.empty(input.dims, input.dtype, 'normalizeRows');
    if (out.size > 0) runRows('normalizeRows', input, out);
    return out;
  } finally {
    temps.dispose();
  }
}

/** Σ f(yhat - y) over the last axis, fused (|d| for L1, d² for L2). */
function loss(fn: 'l1' | 'l2', yhat: ArrayInput, y: ArrayInput): NDArray | number {
  const temps = new Temporaries();
  try {
    let p = temps.keep(operand(fn, yhat), yhat);
    let t = temps.keep(operand(fn, y), y);
    const dtype: DType = promoteTypes(p.dtype, t.dtype);
    let sameShape = p.ndim === t.ndim;
    for (let i = 0; sameShape && i < p.ndim; i++) sameShape = p.dims[i] === t.dims[i];
    if (!isFloat(dtype) || !sameShape || p.ndim === 0) {
      // NumPy's formula, with its broadcasting and integer results.
      return namingCaller(fn, () =>
        tidy(() => {
          const d = binary('subtract', t, p);
          return sum(unary(fn === 'l1' ? 'abs' : 'square', d), { axis: -1 });
        }),
      );
    }
    if (p.dtype !== dtype) p = temps.keep(fromData(fn, p, dtype));
    if (t.dtype !== dtype) t = temps.keep(fromData(fn, t, dtype));
    const cols = p.dims.at(-1)!;
    const outShape = p.dims.slice(0, -1);
    const name = fn === 'l1' ? 'sumabsdiff' : 'sumsqdiff';
    const fused = kernel(name, dtype);
    const s = p.itemsize;
    if (p.isContiguous && t.isContiguous) {
      const [x, y] = [p.offset * s, t.offset * s];
      if (outShape.length === 0 && splitsSum(name, dtype, cols)) {
        return splitPairwiseSum(name, dtype, cols, [x, y]);
      }
      // One call for every row; a vector's loss goes through the scratch slot (no array).
      const out = outShape.length > 0 ? NDArray.empty(outShape, dtype, fn) : undefined;
      const rows = cols === 0 ? shapeSize(outShape) : p.size / cols;
      const target = out ? out.offset * s : scratchAddress;
      if (out && splits(name, p.size)) {
        const args = [rows, cols, x, cols, 1, y, cols, 1, target, 1, 0];
        splitCall(name, dtype, args, 0, [0, 0, cols * s, 0, 0, cols * s, 0, 0, s, 0, 0]);
      } else {
        fused(rows, cols, x, cols, 1, y, cols, 1, target, 1, 0);
      }
      return out ?? heapOf(dtype)[scratchAddress / s];
    }
    const out = NDArray.empty(outShape, dtype, fn);
    forEachIndex(outShape, outShape.length, (index) => {
      let po = p.offset;
      let to = t.offset;
      let oo = out.offset;
      index.forEach((i, d) => {
        po += i * p.elementStrides[d];
        to += i * t.elementStrides[d];
        oo += i * out.elementStrides[d];
      });
      fused(
        1,
        cols,
        po * s,
        0,
        p.elementStrides.at(-1)!,
        to * s,
        0,
        t.elementStrides.at(-1)!,
        oo * s,
        0,
        0,
      );
    });
    if (outShape.length > 0) return out;
    temps.keep(out);
    return firstValue(out);
  } finally {
    temps.dispose();
  }
}

/** L1 loss: Σ|y - yhat| over the last axis (a JS number for vectors, one value per row for matrices). */
export function l1(yhat: ArrayInput, y: ArrayInput): NDArray | number {
  return loss('l1', yhat, y);
}

/** L2 loss: Σ(y - yhat)² over the last axis (a JS number for vectors, one value per row for matrices). */
export function l2(yhat: ArrayInput, y: ArrayInput): NDArray | number {
  return loss('l2', yhat, y);
}

/** A new array of x's shape with f applied to each element; `dtype` is the result's. */
function mapElements(
  fn: string,
  x: ArrayInput,
  dtype: (input: DType) => DType,
  f: (v: number) => number,
): NDArray | number {
  const temps = new Temporaries();
  try {
    const input = temps.keep(operand(fn, x), x);
    const out = NDArray.empty(input.dims, dtype(input.dtype), fn);
    const source = heapOf(input.dtype);
    const target = heapOf(out.dtype);
    let i = out.offset;
    forEachOffset(input.dims, input.elementStrides, input.offset, (o) => {
      target[i++] = castValue(f(source[o]), out.dtype);
    });
    if (typeof x !== 'number') return out;
    temps.keep(out);
    return firstValue(out);
  } finally {
    temps.dispose();
  }
}

const floatOf = (dtype: DType): DType => (isFloat(dtype) ? dtype : 'float64');

/** max(x, 0), elementwise (NaN propagates; ints stay ints, bools become int32). */
export const relu = ((x: ArrayInput) =>
  applyBinary(
    'relu',
    x,
    0,
    (dtype) => arithmeticTypes('maximum', dtype),
    'maximum',
  )) as UnaryFunction;

/** 1 where x > 0, else 0 (NaN gives 0), in x's float dtype (float64 for ints). */
export const reluDerivative = ((x: ArrayInput) =>
  mapElements('reluDerivative', x, floatOf, (v) => (v > 0 ? 1 : 0))) as UnaryFunction;

export interface LeakyReluOptions {
  alpha?: number;
}

/** x where x > 0, else alpha·x (alpha = 0.01 by default). */
export function leakyRelu(x: number, options?: LeakyReluOptions): number;
export function leakyRelu(x: ArrayInput, options?: LeakyReluOptions): NDArray;
export function leakyRelu(x: ArrayInput, options?: LeakyReluOptions): NDArray | number {
  const { alpha = 0.01 } = checkOptions('leakyRelu', options, ['alpha']);
  if (typeof alpha !== 'number')
    throw new TypeError(`leakyRelu: alpha must be a number, got ${describe(alpha)}`);
  return mapElements('leakyRelu', x, floatOf, (v) => (v > 0 ? v : alpha * v));
}

/** 1 - tanh(x)², elementwise. */
export const tanhDerivative = ((x: ArrayInput) =>
  composed('tanhDerivative', () =>
    binary('subtract', 1, unary('square', unary('tanh', x))),
  )) as UnaryFunction;

/** -mean(y·log(yhat) + (1 - y)·log(1 - yhat)) over every element: a JS number. */
export function binaryCrossEntropy(yhat: ArrayInput, y: ArrayInput): number {
  return composed('binaryCrossEntropy', () => {
    const p = asFloat('binaryCrossEntropy', yhat);
    const positive = binary('multiply', y, unary('log', p));
    const negative = binary(
      'multiply',
      binary('subtract', 1, y),
      unary('log', binary('subtract', 1, p)),
    );
    return -(mean(binary('add', positive, negative)) as number);
  });
}

/**
 * -Σ labels·log(probabilities) averaged over the samples: rows of a 2-D batch (one row per
 * sample), or the one sample of a 1-D vector. A JS number.
 */
export function crossEntropy(probabilities: ArrayInput, oneHotLabels: ArrayInput): number {
  return composed('crossEntropy', () => {
    const p = asFloat('crossEntropy', probabilities);
    const samples = p.ndim >= 2 ? p.dims[0] : 1;
    const total = sum(binary('multiply', oneHotLabels, unary('log', p))) as number;
    return -total / samples;
  });
}
