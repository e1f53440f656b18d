// np.dot, np.matmul and np.linalg.norm.
import { svd } from './svd.js';
import { type DType, isFloat, promoteTypes } from '../dtype.js';
import {
  ValueError,
  checkBoolean,
  checkOptions,
  checkReadable,
  describe,
  formatShape,
  readList,
} from '../errors.js';
import { kernel } from '../kernels.js';
import { NDArray, forEachOffset, heapOf } from '../ndarray.js';
import { broadcastShapes, forEachIndex, normalizeAxis } from '../shape.js';
import { type ArrayInput, fromData, operand } from './create.js';
import { Temporaries, binary, unary } from './elementwise.js';
import { splitCall, splitDot, splitsDot, splitsProduct } from '../threads/split.js';
import { innermostReduced, reduce } from './reduce.js';

/** The dtype a product is computed in: bool goes through int32 (and back, see boolResult). */
function productType(a: DType, b: DType): DType {
  const dtype = promoteTypes(a, b);
  return dtype === 'bool' ? 'int32' : dtype;
}

/** (m x k) @ (k x n) into a new contiguous (m x n) array of x's dtype (both already converted). */
function matmul2d(
  x: NDArray,
  y: NDArray,
  xOffset = x.offset,
  yOffset = y.offset,
  out?: NDArray,
  outOffset = 0,
): NDArray {
  const xShape = x.dims;
  const xStrides = x.elementStrides;
  const yStrides = y.elementStrides;
  const xd = xShape.length;
  const yd = yStrides.length;
  const m = xShape[xd - 2];
  const n = y.dims[yd - 1];
  const k = xShape[xd - 1];
  const result = out ?? NDArray.empty([m, n], x.dtype, 'matmul');
  if (m * n === 0) return result;
  const a = xOffset * x.itemsize;
  const as0 = xStrides[xd - 2];
  const as1 = xStrides[xd - 1];
  const b = yOffset * y.itemsize;
  const bs0 = yStrides[yd - 2];
  const bs1 = yStrides[yd - 1];
  const at = (result.offset + outOffset) * result.itemsize;
  if (splitsProduct(m, k, n)) {
    // By rows of the output, in whole 4-row blocks: each output element is summed over k in the
    // same order whichever rows it is computed with (assembly/linalg.ts), so the bits are those
    // of one call; each part packs its own strips of B, so one part per thread (a part of fewer
    // rows would copy all of B for less work).
    const args = [m, k, n, a, as0, as1, b, bs0, bs1, at];
    const advance = [0, 0, 0, as0 * x.itemsize, 0, 0, 0, 0, 0, n * x.itemsize];
    splitCall('matmul', x.dtype, args, 0, advance, 4, 1);
  } else {
    kernel('matmul', x.dtype)(m, k, n, a, as0, as1, b, bs0, bs1, at);
  }
  return result;
}

function dotNotAligned(
  a: NDArray,
  b: NDArray,
  ka: number,
  axisA: number,
  kb: number,
  axisB: number,
): ValueError {
  return new ValueError(
    `shapes ${formatShape(a.dims)} and ${formatShape(b.dims)} not aligned: ${ka} (dim ${axisA}) != ${kb} (dim ${axisB})`,
  );
}

/** Converts an int result of bool inputs back to bool, as NumPy's bool products are. */
function boolResult(result: NDArray | number, both: boolean): NDArray | number {
  if (!both) return result;
  if (typeof result === 'number') return result !== 0 ? 1 : 0;
  try {
    return fromData('dot', result, 'bool');
  } finally {
    result.dispose();
  }
}

/** np.dot: inner product of vectors (a JS number), matrix products, scalars scale. */
export function dot(a: ArrayInput, b: ArrayInput): NDArray | number {
  const temps = new Temporaries();
  try {
    let x = temps.keep(operand('dot', a), a);
    let y = temps.keep(operand('dot', b), b);
    if (x.ndim === 0 || y.ndim === 0) return binary('multiply', a, b);
    const both = x.dtype === 'bool' && y.dtype === 'bool';
    const dtype = productType(x.dtype, y.dtype);
    const ka = x.dims.at(-1)!;
    const kAxis = Math.max(0, y.ndim - 2);
    const kb = y.dims[kAxis];
    if (ka !== kb) throw dotNotAligned(x, y, ka, x.ndim - 1, kb, kAxis);
    if (x.dtype !== dtype) x = temps.keep(fromData('dot', x, dtype));
    if (y.dtype !== dtype) y = temps.keep(fromData('dot', y, dtype));
    if (x.ndim === 1 && y.ndim === 1) {
      const xAt = x.offset * x.itemsize;
      const yAt = y.offset * y.itemsize;
      const sx = x.elementStrides[0];
      const sy = y.elementStrides[0];
      const value = splitsDot(dtype, ka)
        ? splitDot(dtype, ka, xAt, sx, yAt, sy)
        : (kernel('dot', dtype)(ka, xAt, sx, yAt, sy) as number);
      return boolResult(value, both);
    }
    if (x.ndim <= 2 && y.ndim <= 2) return boolResult(product(x, y), both);
    return boolResult(dotND(x, y), both);
  } finally {
    temps.dispose();
  }
}

/**
 * NumPy's dot for N-D operands: a sum product over the last axis of x and the second-to-last
 * of y, so the result has x's leading axes, then y's others. Done as one matrix product.
 */
function dotND(x: NDArray, y: NDArray): NDArray {
  const temps = new Temporaries();
  try {
    const k = x.dims.at(-1)!;
    const xm = temps.keep(x.reshape(-1, k));
    const kAxis = y.ndim - 2;
    const order = [kAxis, ...[...y.dims.keys()].filter((i) => i !== kAxis)];
    const ym = temps.keep(temps.keep(y.transpose(order)).reshape(k, -1));
    const result = temps.keep(matmul2d(xm, ym));
    const shape = [...x.dims.slice(0, -1), ...y.dims.slice(0, kAxis), y.dims.at(-1)!];
    return result.reshape(shape);
  } finally {
    temps.dispose();
  }
}

/** 1-D and 2-D operands (same dtype, aligned) as matrices, multiplied, with 1-D axes dropped again. */
function product(x: NDArray, y: NDArray): NDArray {
  if (x.ndim === 2 && y.ndim === 2) return matmul2d(x, y);
  const temps = new Temporaries();
  try {
    const xm = x.ndim === 1 ? temps.keep(x.reshape(1, -1)) : x;
    const ym = y.ndim === 1 ? temps.keep(y.reshape(-1, 1)) : y;
    const result = temps.keep(matmul2d(xm, ym));
    const shape = [...(x.ndim === 2 ? [x.dims[0]] : []), ...(y.ndim === 2 ? [y.dims[1]] : [])];
    return result.reshape(shape);
  } finally {
    temps.dispose();
  }
}

const MATMUL_SIGNATURE = '(n?,k),(k,m?)->(n?,m?)';

/** np.matmul: matrix product with NumPy's stacking (leading axes broadcast) and 1-D promotion. */
export function matmul(a: ArrayInput, b: ArrayInput): NDArray | number {
  const temps = new Temporaries();
  try {
    let x = temps.keep(operand('matmul', a), a);
    let y = temps.keep(operand('matmul', b), b);
    [x, y].forEach((v, i) => {
      if (v.ndim === 0) {
        throw new ValueError(
          `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIGNATURE} requires 1)`,
        );
      }
    });
    const ka = x.dims.at(-1)!;
    const kb = y.ndim === 1 ? y.dims[0] : y.dims.at(-2)!;
    if (ka !== kb) {
      throw new ValueError(
        `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIGNATURE} (size ${kb} is different from ${ka})`,
      );
    }
    const both = x.dtype === 'bool' && y.dtype === 'bool';
    const dtype = productType(x.dtype, y.dtype);
    if (x.dtype !== dtype) x = temps.keep(fromData('matmul', x, dtype));
    if (y.dtype !== dtype) y = temps.keep(fromData('matmul', y, dtype));
    if (x.ndim === 1 && y.ndim === 1) return boolResult(dot(x, y), both);
    if (x.ndim <= 2 && y.ndim <= 2) return boolResult(product(x, y), both);
    // Stacks of matrices: broadcast the leading axes, one kernel call per matrix.
    const xm = x.ndim === 1 ? temps.keep(x.reshape(1, -1)) : x;
    const ym = y.ndim === 1 ? temps.keep(y.reshape(-1, 1)) : y;
    const batch = broadcastShapes(xm.dims.slice(0, -2), ym.dims.slice(0, -2));
    const [m, n] = [xm.dims.at(-2)!, ym.dims.at(-1)!];
    const out = NDArray.empty([...batch, m, n], dtype, 'matmul');
    const lead = (v: NDArray) => v.ndim - 2;
    forEachIndex(batch, batch.length, (index) => {
      const offsetIn = (v: NDArray) => {
        let o = v.offset;
        const skip = batch.length - lead(v);
        for (let i = 0; i < lead(v); i++)
          if (v.dims[i] !== 1) o += index[skip + i] * v.elementStrides[i];
        return o;
      };
      let flat = 0;
      for (let i = 0; i < batch.length; i++) flat = flat * batch[i] + index[i];
      matmul2d(xm, ym, offsetIn(xm), offsetIn(ym), out, flat * m * n);
    });
    const shape = [...batch, ...(x.ndim > 1 ? [m] : []), ...(y.ndim > 1 ? [n] : [])];
    temps.keep(out);
    return boolResult(out.reshape(shape), both);
  } finally {
    temps.dispose();
  }
}

// ---------------------------------------------------------------- norm

export type NormOrder = number | 'fro' | 'nuc' | null;
export interface NormOptions {
  ord?: NormOrder;
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/** A 0-d result as a JS number; `ret ** (1/ord)` and friends work on both forms. */
function power(x: NDArray | number, p: number, dtype: DType): NDArray | number {
  if (typeof x === 'number') {
    return dtype === 'float32' ? Math.fround(Math.pow(x, Math.fround(p))) : Math.pow(x, p);
  }
  try {
    return binary('power', x, p);
  } finally {
    x.dispose();
  }
}

/** The square root of a sum the caller owns: a number, or the array itself, rooted in place. */
function sqrtOf(x: NDArray | number, dtype: DType): NDArray | number {
  if (typeof x === 'number') return dtype === 'float32' ? Math.fround(Math.sqrt(x)) : Math.sqrt(x);
  const at = x.offset * x.itemsize; // a fresh contiguous array: one call over all of it
  if (x.size > 0) kernel('sqrt', x.dtype)(1, x.size, at, 0, 1, at, 0, 1);
  return x;
}

/** sum(f(x)) over axes, fused into one pass when the innermost axis is reduced. */
function sumOf(
  fused: 'sumsq' | 'sumabs',
  x: NDArray,
  axes: number[],
  keepdims: boolean,
): NDArray | number {
  if (innermostReduced(x, axes)) return reduce('norm', 'sum', x, axes, keepdims, fused);
  const mapped = fused === 'sumsq' ? (unary('square', x) as NDArray) : (unary('abs', x) as NDArray);
  try {
    return reduce('norm', 'sum', mapped, axes, keepdims);
  } finally {
    mapped.dispose();
  }
}

/** max or min of |x| over axes. */
function extremeAbs(
  kind: 'max' | 'min',
  x: NDArray,
  axes: number[],
  keepdims: boolean,
): NDArray | number {
  const absx = unary('abs', x) as NDArray;
  try {
    return reduce('norm', kind, absx, axes, keepdims);
  } finally {
    absx.dispose();
  }
}

function vectorNorm(
  x: NDArray,
  ord: NormOrder,
  axes: number[],
  keepdims: boolean,
): NDArray | number {
  if (ord === Infinity) return extremeAbs('max', x, axes, keepdims);
  if (ord === -Infinity) return extremeAbs('min', x, axes, keepdims);
  if (ord === 0) {
    // NumPy: (x != 0).astype(x.dtype).sum(axis)
    const mask = NDArray.empty(x.dims, x.dtype, 'norm');
    const values = heapOf(x.dtype); // after the allocation, which may grow the memory
    let i = mask.offset;
    forEachOffset(x.dims, x.elementStrides, x.offset, (o) => {
      values[i++] = values[o] !== 0 ? 1 : 0;
    });
    try {
      return reduce('norm', 'sum', mask, axes, keepdims);
    } finally {
      mask.dispose();
    }
  }
  if (ord === 1) return sumOf('sumabs', x, axes, keepdims);
  if (ord === null || ord === 2) return sqrtOf(sumOf('sumsq', x, axes, keepdims), x.dtype);
  if (typeof ord === 'string') throw new ValueError(`Invalid norm order '${ord}' for vectors`);
  const absx = unary('abs', x) as NDArray;
  let powered: NDArray | undefined;
  try {
    powered = binary('power', absx, ord) as NDArray;
    const total = reduce('norm', 'sum', powered, axes, keepdims);
    const reciprocal = x.dtype === 'float32' ? Math.fround(1 / ord) : 1 / ord;
    return power(total, reciprocal, x.dtype);
  } finally {
    absx.dispose();
    powered?.dispose();
  }
}

function matrixNorm(
  x: NDArray,
  ord: NormOrder,
  rowAxis: number,
  colAxis: number,
  keepdims: boolean,
): NDArray | number {
  if (rowAxis === colAxis) throw new ValueError('Duplicate axes given.');
  let result: NDArray | number;
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    result = singularValueNorm(x, ord, rowAxis, colAxis);
  } else if (ord === null || ord === 'fro') {
    result = sqrtOf(sumOf('sumsq', x, [rowAxis, colAxis], false), x.dtype);
  } else if (ord === 1 || ord === -1 || ord === Infinity || ord === -Infinity) {
    // 1/-1: column sums (over rows), then the max/min over columns; inf/-inf the other way.
    const [sumAxis, otherAxis] = Math.abs(ord) === 1 ? [rowAxis, colAxis] : [colAxis, rowAxis];
    const sums = sumOf('sumabs', x, [sumAxis], false) as NDArray;
    try {
      const remaining = otherAxis > sumAxis ? otherAxis - 1 : otherAxis;
      result = reduce('norm', ord > 0 ? 'max' : 'min', sums, [remaining], false);
    } finally {
      sums.dispose();
    }
  } else {
    throw new ValueError('Invalid norm order for matrices.');
  }
  if (!keepdims) return result;
  const shape = x.dims.map((d, i) => (i === rowAxis || i === colAxis ? 1 : d));
  const array = typeof result === 'number' ? fromData('norm', [result], x.dtype) : result;
  try {
    return array.reshape(shape);
  } finally {
    array.dispose();
  }
}

/** np.linalg.norm(x, {ord, axis, keepdims}): vector and matrix norms as NumPy computes them. */
export function norm(x: ArrayInput, options?: NormOptions): NDArray | number {
  const {
    ord = null,
    axis = null,
    keepdims = false,
  } = checkOptions('norm', options, ['ord', 'axis', 'keepdims']);
  checkBoolean('norm', 'keepdims', keepdims);
  if (!(ord === null || typeof ord === 'number' || ord === 'fro' || ord === 'nuc')) {
    throw new ValueError(`Invalid norm order ${describe(ord)}`);
  }
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand('norm', x), x);
    if (!isFloat(input.dtype)) input = temps.keep(fromData('norm', input, 'float64'));
    const nd = input.ndim;
    if (axis === null && (ord === null || (ord === 'fro' && nd === 2) || (ord === 2 && nd === 1))) {
      const all = [...input.dims.keys()];
      const result = sqrtOf(sumOf('sumsq', input, all, false), input.dtype);
      if (!keepdims) return result;
      const single = temps.keep(fromData('norm', [result as number], input.dtype));
      return single.reshape(new Array<number>(nd).fill(1));
    }
    checkReadable('norm', axis);
    if (axis !== null && typeof axis !== 'number' && !Array.isArray(axis)) {
      throw new TypeError(
        `norm: axis must be an integer or a pair of integers, got ${describe(axis)}`,
      );
    }
    const axes =
      axis === null
        ? [...input.dims.keys()]
        : typeof axis === 'number'
          ? [axis]
          : readList('norm', axis);
    if (axes.length === 1) {
      const a = normalizeAxis('norm', axes[0], nd);
      return vectorNorm(input, ord, [a], keepdims);
    }
    if (axes.length === 2) {
      return matrixNorm(
        input,
        ord,
        normalizeAxis('norm', axes[0], nd),
        normalizeAxis('norm', axes[1], nd),
        keepdims,
      );
    }
    throw new ValueError('Improper number of dimensions to norm.');
  } finally {
    temps.dispose();
  }
}

/**
 * Matrix norms of order 2, -2 and 'nuc': the largest, the smallest or the sum of the singular
 * values of the matrices on (rowAxis, colAxis), as NumPy's _multi_svd_norm.
 */
function singularValueNorm(
  x: NDArray,
  ord: 2 | -2 | 'nuc',
  rowAxis: number,
  colAxis: number,
): NDArray | number {
  const others = [...x.dims.keys()].filter((i) => i !== rowAxis && i !== colAxis);
  const moved = x.transpose([...others, rowAxis, colAxis]);
  try {
    const s = svd(moved, { computeUv: false }) as NDArray;
    try {
      const kind = ord === 2 ? 'max' : ord === -2 ? 'min' : 'sum';
      return reduce('norm', kind, s, [s.ndim - 1], false);
    } finally {
      s.dispose();
    }
  } finally {
    moved.dispose();
  }
}
