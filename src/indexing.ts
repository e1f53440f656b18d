// NumPy's indexing, x[keys] and x[keys] = value, as x.get(...keys) and x.set(...keys, value).
// Ints, slices, '...' and newaxis (null) give a view over the same block (NumPy's strides,
// negative steps included); bool masks and integer arrays give copies, gathered by one kernel
// call per block of the result. Writes go through the strided cast kernel (or where, for a
// full-shape mask), broadcasting the value to the selection.
import { type DType, ITEMSIZE, isInt32 } from './dtype.js';
import { IndexError, ValueError, checkReadable, describe, formatShape } from './errors.js';
import { kernel, SUFFIX } from './kernels.js';
import { type ArrayInput, NDArray, castValue, heapOf } from './ndarray.js';
import { fromData } from './ops/create.js';
import { broadcastShapes, broadcastStrides, isContiguous, shapeSize } from './shape.js';
import { castInto, runElementwise, stridedOf } from './strided.js';

/** NumPy's slice(start, stop, step): any part may be null (its default). */
export class Slice {
  constructor(
    readonly start: number | null = null,
    readonly stop: number | null = null,
    readonly step: number | null = null,
  ) {}

  /** Python's slice.indices(length): [start, stop, step, count] after defaults and clipping. */
  indices(length: number): [number, number, number, number] {
    const step = this.step ?? 1;
    if (step === 0) throw new ValueError('slice step cannot be zero');
    const clip = (value: number | null, fallback: number): number => {
      if (value === null) return fallback;
      let v = value < 0 ? value + length : value;
      if (v < 0) v = step < 0 ? -1 : 0;
      else if (v >= length) v = step < 0 ? length - 1 : length;
      return v;
    };
    const start = clip(this.start, step < 0 ? length - 1 : 0);
    const stop = clip(this.stop, step < 0 ? -1 : length);
    const count =
      step > 0
        ? Math.max(0, Math.ceil((stop - start) / step))
        : Math.max(0, Math.ceil((start - stop) / -step));
    return [start, stop, step, count];
  }

  toString(): string {
    const part = (v: number | null) => (v === null ? '' : String(v));
    return `${part(this.start)}:${part(this.stop)}${this.step === null ? '' : `:${this.step}`}`;
  }
}

/** np.slice(start, stop, step): a slice object, as Python's slice(); parts may be null. */
export function slice(
  start: number | null = null,
  stop: number | null = null,
  step: number | null = null,
): Slice {
  for (const part of [start, stop, step]) {
    if (part !== null && !(typeof part === 'number' && Number.isInteger(part))) {
      throw new TypeError(`slice: slice indices must be integers or null, got ${describe(part)}`);
    }
  }
  return new Slice(start, stop, step);
}

/** np.newaxis: null, as NumPy's is None. */
export const newaxis = null;

/** One key of x.get / x.set. */
export type IndexKey = number | string | Slice | null | NDArray | readonly ArrayInput[];

const VALID =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or ' +
  'boolean arrays are valid indices';

const SLICE_TEXT = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*(-?\d+)?\s*)?$/;

/** A slice string in NumPy's syntax ('1:3', '::-1', ':') as a Slice. */
function parseSlice(fn: string, text: string): Slice {
  const match = SLICE_TEXT.exec(text);
  if (!match) throw new IndexError(`${fn}: ${describe(text)} is not a valid index: ${VALID}`);
  const part = (s: string | undefined) => (s === undefined ? null : Number(s));
  return new Slice(part(match[1]), part(match[2]), part(match[3]));
}

/** An index array after parsing: int32 indices into `dims` consecutive axes of the view. */
interface Advanced {
  /** Position of the first axis it indexes, in the view's axes. */
  axis: number;
  /** One int32 array per axis it indexes (a mask of k dims gives k). */
  indices: NDArray[];
}

/** What the keys select: a basic view, and the advanced indices applied to its axes. */
interface Selection {
  dims: number[];
  strides: number[];
  offset: number;
  advanced: Advanced[];
  /** True when every key was an integer and every axis got one: the result is a scalar. */
  scalar: boolean;
  /** Arrays made while parsing (index arrays from JS data, nonzero of masks): the caller disposes. */
  temporaries: NDArray[];
}

type ParsedKey =
  | { kind: 'int'; value: number }
  | { kind: 'slice'; slice: Slice }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' }
  | { kind: 'array'; array: NDArray };

function parseKey(fn: string, key: unknown, temporaries: NDArray[]): ParsedKey {
  checkReadable(fn, key);
  if (key === null) return { kind: 'newaxis' };
  if (typeof key === 'number') {
    if (!Number.isInteger(key))
      throw new IndexError(`${fn}: ${describe(key)} is not a valid index: ${VALID}`);
    return { kind: 'int', value: key };
  }
  if (key === '...') return { kind: 'ellipsis' };
  if (typeof key === 'string') return { kind: 'slice', slice: parseSlice(fn, key) };
  if (key instanceof Slice) return { kind: 'slice', slice: key };
  if (key instanceof NDArray) {
    key.check(fn);
    if (key.dtype !== 'bool' && key.dtype !== 'int32') {
      throw new IndexError(`${fn}: arrays used as indices must be of integer (or boolean) type`);
    }
    return { kind: 'array', array: key };
  }
  if (Array.isArray(key)) {
    const array = key.length === 0 ? NDArray.empty([0], 'int32', fn) : fromData(fn, key);
    temporaries.push(array);
    if (array.dtype !== 'bool' && array.dtype !== 'int32') {
      throw new IndexError(`${fn}: arrays used as indices must be of integer (or boolean) type`);
    }
    return { kind: 'array', array };
  }
  throw new IndexError(`${fn}: ${describe(key)} is not a valid index: ${VALID}`);
}

/** How many of x's axes a key consumes. */
function consumed(key: ParsedKey): number {
  if (key.kind === 'int' || key.kind === 'slice') return 1;
  if (key.kind === 'array') return key.array.dtype === 'bool' ? key.array.ndim : 1;
  return 0;
}

/** The int32 index arrays of a mask's true elements, one per mask axis (np.nonzero). */
export function nonzeroOf(fn: string, mask: NDArray): NDArray[] {
  const shape = mask.ndim === 0 ? [1] : mask.dims;
  const strides = mask.ndim === 0 ? [0] : mask.elementStrides;
  const ndim = shape.length;
  let count = 0;
  const truth = heapOf('bool');
  forEachPosition(shape, strides, mask.offset, (_, o) => {
    if (truth[o] !== 0) count++;
  });
  const out: NDArray[] = [];
  try {
    for (let axis = 0; axis < ndim; axis++) out.push(NDArray.empty([count], 'int32', fn));
    const bytes = heapOf('bool');
    const ints = heapOf('int32');
    const index = new Array<number>(ndim).fill(0);
    let found = 0;
    forEachPosition(shape, strides, mask.offset, (k, o) => {
      if (bytes[o] !== 0) {
        // The C-order position of element k, axis by axis.
        let rest = k;
        for (let axis = ndim - 1; axis >= 0; axis--) {
          index[axis] = rest % shape[axis];
          rest = (rest - index[axis]) / shape[axis];
        }
        for (let axis = 0; axis < ndim; axis++) ints[out[axis].offset + found] = index[axis];
        found++;
      }
    });
    return out;
  } catch (error) {
    disposeAll(out);
    throw error;
  }
}

/** Parses keys against x: the basic view's shape, strides and offset, and the advanced indices. */
function select(fn: string, x: NDArray, keys: readonly unknown[]): Selection {
  const temporaries: NDArray[] = [];
  try {
    const parsed = keys.map((k) => parseKey(fn, k, temporaries));
    const ellipses = parsed.filter((k) => k.kind === 'ellipsis').length;
    if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
    const used = parsed.reduce((n, k) => n + consumed(k), 0);
    if (used > x.ndim) {
      throw new IndexError(
        `too many indices for array: array is ${x.ndim}-dimensional, but ${used} were indexed`,
      );
    }
    const hasAdvanced = parsed.some((k) => k.kind === 'array');
    const shape: number[] = [];
    const strides: number[] = [];
    const advanced: Advanced[] = [];
    let offset = x.offset;
    let axis = 0; // x's axis the next key applies to
    const fill = (count: number) => {
      for (let i = 0; i < count; i++, axis++) {
        shape.push(x.dims[axis]);
        strides.push(x.elementStrides[axis]);
      }
    };
    for (const key of parsed) {
      switch (key.kind) {
        case 'ellipsis':
          fill(x.ndim - used);
          break;
        case 'newaxis':
          shape.push(1);
          strides.push(0);
          break;
        case 'int': {
          const size = x.dims[axis];
          if (key.value < -size || key.value >= size) {
            throw new IndexError(
              `index ${key.value} is out of bounds for axis ${axis} with size ${size}`,
            );
          }
          const i = key.value < 0 ? key.value + size : key.value;
          if (hasAdvanced) {
            // With index arrays about, an integer is a 0-d index array (NumPy's rule for
            // where the broadcast axes go).
            const index = NDArray.empty([], 'int32', fn);
            temporaries.push(index);
            heapOf('int32')[index.offset] = i;
            advanced.push({ axis: shape.length, indices: [index] });
            fill(1);
          } else {
            offset += i * x.elementStrides[axis];
            axis++;
          }
          break;
        }
        case 'slice': {
          const [start, , step, count] = key.slice.indices(x.dims[axis]);
          if (count > 0) offset += start * x.elementStrides[axis];
          shape.push(count);
          strides.push(step * x.elementStrides[axis]);
          axis++;
          break;
        }
        case 'array': {
          const array = key.array;
          if (array.dtype === 'bool') {
            for (let d = 0; d < array.ndim; d++) {
              if (array.dims[d] !== x.dims[axis + d]) {
                throw new IndexError(
                  `boolean index did not match indexed array along axis ${axis + d}; size of ` +
                    `axis is ${x.dims[axis + d]} but size of corresponding boolean axis is ` +
                    `${array.dims[d]}`,
                );
              }
            }
            const indices = nonzeroOf(fn, array);
            temporaries.push(...indices);
            if (array.ndim === 0) {
              // x[True] adds an axis of length 1 (x[False] one of length 0).
              shape.push(1);
              strides.push(0);
              advanced.push({ axis: shape.length - 1, indices });
            } else {
              advanced.push({ axis: shape.length, indices });
              fill(array.ndim);
            }
          } else {
            advanced.push({ axis: shape.length, indices: [array] });
            fill(1);
          }
          break;
        }
      }
    }
    fill(x.ndim - axis);
    const scalar =
      parsed.length === x.ndim && parsed.every((k) => k.kind === 'int') && !hasAdvanced;
    return { dims: shape, strides, offset, advanced, scalar, temporaries };
  } catch (error) {
    for (const t of temporaries) t.dispose();
    throw error;
  }
}

/** The gather plan of an advanced selection: element offsets of each index position, and the rest. */
interface Gather {
  /** Shape of the result: the broadcast index shape placed as NumPy places it. */
  dims: number[];
  /** Shape of the broadcast index arrays. */
  indexShape: number[];
  /** Element offset (from the heap view's start) of each index position, C order. */
  offsets: Int32Array;
  /** The axes the indices do not touch, in order: their sizes and strides. */
  restShape: number[];
  restStrides: number[];
  /** Where the index axes go in the result: 0 (first) or the axis position when adjacent. */
  insertAt: number;
}

function planGather(fn: string, sel: Selection): Gather {
  const pairs: { axis: number; index: NDArray }[] = [];
  for (const a of sel.advanced)
    a.indices.forEach((index, k) => pairs.push({ axis: a.axis + k, index }));
  const shapes = pairs.map((p) => p.index.dims);
  let indexShape: number[];
  try {
    indexShape = broadcastShapes(...shapes);
  } catch {
    throw new IndexError(
      'shape mismatch: indexing arrays could not be broadcast together with shapes ' +
        `${shapes.map(formatShape).join(' ')} `,
    );
  }
  const count = shapeSize(indexShape);
  const offsets = new Int32Array(count).fill(sel.offset);
  const ints = heapOf('int32');
  for (const { axis, index } of pairs) {
    const size = sel.dims[axis];
    const stride = sel.strides[axis];
    const istrides = broadcastStrides(index.dims, index.elementStrides, indexShape);
    forEachPosition(indexShape, istrides, index.offset, (k, o) => {
      let i = ints[o];
      if (i < -size || i >= size) {
        throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${size}`);
      }
      if (i < 0) i += size;
      offsets[k] += i * stride;
    });
  }
  const touched = new Set(pairs.map((p) => p.axis));
  const restShape: number[] = [];
  const restStrides: number[] = [];
  sel.dims.forEach((d, axis) => {
    if (!touched.has(axis)) {
      restShape.push(d);
      restStrides.push(sel.strides[axis]);
    }
  });
  const axes = [...touched].sort((a, b) => a - b);
  const adjacent = axes.every((a, i) => i === 0 || a === axes[i - 1] + 1);
  const insertAt = adjacent ? axes[0] : 0;
  const shape = [...restShape.slice(0, insertAt), ...indexShape, ...restShape.slice(insertAt)];
  return { dims: shape, indexShape, offsets, restShape, restStrides, insertAt };
}

/** Calls fn(position, elementOffset) for each position of shape in C order. */
function forEachPosition(
  shape: readonly number[],
  strides: readonly number[],
  start: number,
  fn: (position: number, offset: number) => void,
): void {
  const size = shapeSize(shape);
  const ndim = shape.length;
  const index = new Array<number>(ndim).fill(0);
  let offset = start;
  for (let k = 0; k < size; k++) {
    fn(k, offset);
    for (let axis = ndim - 1; axis >= 0; axis--) {
      offset += strides[axis];
      if (++index[axis] < shape[axis]) break;
      offset -= strides[axis] * shape[axis];
      index[axis] = 0;
    }
  }
}

/** Where gathered values go to, or scattered values come from: a block laid out index axes first. */
interface Other {
  dtype: DType;
  offset: number;
  strides: readonly number[];
}

/**
 * Moves elements between x's selected blocks and `other` (laid out index axes first): a gather
 * (toX false; getItem's gathers of large blocks, the others go through takeElements) or a
 * scatter (toX true). A scatter whose index positions are one element each is one put_ kernel
 * call over the offsets; otherwise one cast kernel call per position, each over the block of
 * the axes the indices do not touch.
 */
function eachBlock(x: NDArray, plan: Gather, other: Other, toX: boolean): void {
  if (shapeSize(plan.restShape) === 0 || plan.offsets.length === 0) return;
  if (toX && plan.restShape.length === 0) {
    putElements(x, plan, other);
    return;
  }
  const nIndex = plan.indexShape.length;
  const otherRestStrides = other.strides.slice(nIndex);
  const from = toX ? other.dtype : x.dtype;
  const to = toX ? x.dtype : other.dtype;
  const op = `cast_${SUFFIX[from]}`;
  const xSize = ITEMSIZE[x.dtype];
  const oSize = ITEMSIZE[other.dtype];
  forEachPosition(plan.indexShape, other.strides.slice(0, nIndex), other.offset, (k, at) => {
    const xBlock = { offset: plan.offsets[k], itemsize: xSize, strides: plan.restStrides };
    const oBlock = { offset: at, itemsize: oSize, strides: otherRestStrides };
    runElementwise(op, to, plan.restShape, toX ? [oBlock, xBlock] : [xBlock, oBlock]);
  });
}

/** The one-element-per-position scatter of eachBlock: the offsets go to wasm memory, one put_ call. */
function putElements(x: NDArray, plan: Gather, other: Other): void {
  const count = plan.offsets.length;
  const offsets = NDArray.empty([count], 'int32', 'set');
  const made = [offsets];
  try {
    heapOf('int32').set(plan.offsets, offsets.offset);
    const size = ITEMSIZE[x.dtype];
    // put_ reads values of x's dtype with one step: a broadcast scalar, or a contiguous copy.
    const broadcast = other.strides.every((st) => st === 0);
    let values = { offset: other.offset, step: broadcast ? 0 : 1 };
    const contiguous = other.dtype === x.dtype && isContiguous(plan.indexShape, other.strides);
    if (other.dtype !== x.dtype || (!broadcast && !contiguous)) {
      const copy = NDArray.empty(broadcast ? [] : plan.indexShape, x.dtype, 'set');
      made.push(copy);
      castInto(
        {
          dtype: other.dtype,
          dims: copy.dims,
          offset: other.offset,
          itemsize: ITEMSIZE[other.dtype],
          elementStrides: broadcast ? [] : other.strides,
        },
        copy,
      );
      values = { offset: copy.offset, step: broadcast ? 0 : 1 };
    }
    kernel('put', x.dtype)(count, offsets.offset * 4, values.offset * size, values.step);
  } finally {
    disposeAll(made);
  }
}

/**
 * Below this many elements per index position, a gather lists every element's offset for one
 * gather_ call: one strided kernel call per position (a column of X[:, permutation]) costs more
 * than the list. A position's block that is one contiguous run is copied whole at any size.
 */
const SMALL_BLOCK = 512;

/** Whether a gather goes through takeElements (one gather_ call) rather than eachBlock. */
function gathersInOneCall(plan: Gather): boolean {
  const at = plan.insertAt;
  return (
    shapeSize(plan.restShape) <= SMALL_BLOCK ||
    isContiguous(plan.restShape.slice(at), plan.restStrides.slice(at))
  );
}

/**
 * A gather as one gather_ call: the offsets of the positions of the axes before the index axes
 * (outer), of each index position (plan.offsets) and of the axes after them (inner, or one
 * contiguous run), in wasm memory; the kernel adds them up in out's C order.
 */
function takeElements(x: NDArray, plan: Gather, out: NDArray): void {
  const at = plan.insertAt;
  const outer = offsetsOf(plan.restShape.slice(0, at), plan.restStrides.slice(0, at));
  const innerShape = plan.restShape.slice(at);
  const innerStrides = plan.restStrides.slice(at);
  const run = isContiguous(innerShape, innerStrides);
  const inner = run ? Int32Array.of(0) : offsetsOf(innerShape, innerStrides);
  const starts = plan.offsets;
  const lists = NDArray.empty([outer.length + starts.length + inner.length], 'int32', 'get');
  try {
    const base = lists.offset;
    const ints = heapOf('int32');
    ints.set(outer, base);
    ints.set(starts, base + outer.length);
    ints.set(inner, base + outer.length + starts.length);
    kernel('gather', x.dtype)(
      outer.length,
      base * 4,
      starts.length,
      (base + outer.length) * 4,
      run ? shapeSize(innerShape) : inner.length,
      (base + outer.length + starts.length) * 4,
      run ? 1 : 0,
      out.offset * out.itemsize,
    );
  } finally {
    lists.dispose();
  }
}

/** The element offset of each position of shape (with these strides) from its first, C order. */
function offsetsOf(shape: readonly number[], strides: readonly number[]): Int32Array {
  const offsets = new Int32Array(shapeSize(shape));
  forEachPosition(shape, strides, 0, (k, o) => (offsets[k] = o));
  return offsets;
}

/**
 * Strides over the result's axes (the index axes at insertAt, as NumPy places them) reordered
 * into eachBlock's layout (index axes first, then the rest).
 */
function inLayout(plan: Gather, resultStrides: readonly number[]): number[] {
  const nIndex = plan.indexShape.length;
  const at = plan.insertAt;
  return [
    ...resultStrides.slice(at, at + nIndex),
    ...resultStrides.slice(0, at),
    ...resultStrides.slice(at + nIndex),
  ];
}

function disposeAll(arrays: NDArray[]): void {
  for (const a of arrays) a.dispose();
}

/** x[keys]: a view for basic keys, a JS number or boolean for a full integer index, else a copy. */
export function getItem(x: NDArray, keys: readonly unknown[]): number | boolean | NDArray {
  const fn = 'get';
  x.check(fn);
  for (const key of keys) checkReadable(fn, key); // instanceof throws on a revoked Proxy
  if (fullMask(x, keys) && x.ndim > 0 && x.isContiguous && (keys[0] as NDArray).isContiguous) {
    return compress(x, keys[0] as NDArray);
  }
  const sel = select(fn, x, keys);
  try {
    if (sel.scalar || (keys.length === 0 && x.ndim === 0)) {
      const value = heapOf(x.dtype)[sel.offset];
      return x.dtype === 'bool' ? value !== 0 : value;
    }
    if (sel.advanced.length === 0) return x.view(sel.dims, sel.strides, sel.offset);
    const plan = planGather(fn, sel);
    const out = NDArray.empty(plan.dims, x.dtype, fn);
    try {
      if (gathersInOneCall(plan)) {
        takeElements(x, plan, out);
      } else {
        // Gathered straight into the result, its axes walked in eachBlock's layout.
        const strides = inLayout(plan, out.elementStrides);
        eachBlock(x, plan, { dtype: out.dtype, offset: out.offset, strides }, false);
      }
    } catch (error) {
      out.dispose(); // the offset lists may not fit in memory: nothing is left behind
      throw error;
    }
    return out;
  } finally {
    disposeAll(sel.temporaries);
  }
}

/**
 * x[mask] for a contiguous x and a contiguous mask of its shape (the common case, as in
 * `A.get(A.gt(0))`): the offsets of the true elements in one pass over the mask's bytes, then
 * one take_ kernel call.
 */
function compress(x: NDArray, mask: NDArray): NDArray {
  const bytes = heapOf('bool');
  const start = mask.offset;
  const size = x.size;
  let count = 0;
  for (let i = 0; i < size; i++) count += bytes[start + i] !== 0 ? 1 : 0;
  const offsets = NDArray.empty([count], 'int32', 'get');
  try {
    const out = NDArray.empty([count], x.dtype, 'get');
    const truth = heapOf('bool');
    const ints = heapOf('int32');
    for (let i = 0, k = offsets.offset; i < size; i++) {
      if (truth[start + i] !== 0) ints[k++] = x.offset + i;
    }
    if (count > 0) kernel('take', x.dtype)(count, offsets.offset * 4, out.offset * out.itemsize);
    return out;
  } finally {
    offsets.dispose();
  }
}

/** A JS number assigned into an element of dtype, as NumPy converts a Python scalar. */
function scalarFor(fn: string, value: number | boolean, dtype: DType): number {
  if (dtype === 'int32' && typeof value === 'number' && !isInt32(Math.trunc(value) || 0)) {
    if (Number.isNaN(value)) throw new ValueError(`${fn}: cannot convert float NaN to integer`);
    if (!Number.isFinite(value)) {
      throw new ValueError(`${fn}: cannot convert float infinity to integer`);
    }
    throw new ValueError(`${fn}: Python integer ${value} out of bounds for int32`);
  }
  return castValue(value, dtype);
}

/** The value of a set as an array: converted from JS data, or copied when it shares x's block. */
function valueArray(fn: string, x: NDArray, value: unknown, made: NDArray[]): NDArray {
  if (value instanceof NDArray) {
    value.check(fn);
    if (value.block !== x.block) return value;
    const copy = value.copy(); // overlapping memory: NumPy copies the value first
    made.push(copy);
    return copy;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    const scalar = NDArray.empty([], x.dtype, fn);
    made.push(scalar);
    heapOf(x.dtype)[scalar.offset] = scalarFor(fn, value, x.dtype);
    return scalar;
  }
  const converted = fromData(fn, value as ArrayInput);
  made.push(converted);
  return converted;
}

/** NumPy converts a JS-list value with at most the selection's dimensions, never more. */
function checkListDepth(fn: string, value: unknown, converted: NDArray, ndim: number): void {
  if (Array.isArray(value) && converted.ndim > ndim) {
    throw new ValueError(
      `${fn}: setting an array element with a sequence. The requested array would exceed the ` +
        `maximum number of dimension of ${ndim}.`,
    );
  }
}

/** How an assignment's selection was made, for NumPy's wording of a value that does not fit. */
type Selected = 'basic' | 'advanced' | 'mask';

/** The value's shape with leading 1s dropped down to ndim (NumPy allows them on assignment). */
function assignableShape(
  fn: string,
  value: NDArray,
  target: readonly number[],
  selected: Selected,
): number[] {
  const shape = [...value.dims];
  while (shape.length > target.length && shape[0] === 1) shape.shift();
  const fits =
    shape.length <= target.length &&
    shape.every((d, i) => d === 1 || d === target[target.length - shape.length + i]);
  if (fits) return shape;
  if (selected === 'mask' && value.ndim === 1) {
    throw new ValueError(
      `${fn}: NumPy boolean array indexing assignment cannot assign ${value.size} input values ` +
        `to the ${shapeSize(target)} output values where the mask is true`,
    );
  }
  if (selected === 'advanced' || selected === 'mask') {
    throw new ValueError(
      `${fn}: shape mismatch: value array of shape ${formatShape(value.dims)} could not be ` +
        `broadcast to indexing result of shape ${formatShape(target)}`,
    );
  }
  throw new ValueError(
    `${fn}: could not broadcast input array from shape ${formatShape(value.dims)} into shape ` +
      `${formatShape(target)}`,
  );
}

/** Strides of value (its leading 1s dropped) read as if it had the target shape. */
function valueStrides(value: NDArray, shape: number[], target: readonly number[]): number[] {
  const strides = value.elementStrides.slice(value.ndim - shape.length);
  return broadcastStrides(shape, strides, target);
}

/** x[keys] = value, broadcasting value to the selection and casting it to x's dtype. */
export function setItem(x: NDArray, keys: readonly unknown[], value: unknown): NDArray {
  const fn = 'set';
  x.check(fn);
  for (const key of keys) checkReadable(fn, key);
  checkReadable(fn, value);
  const sel = select(fn, x, keys);
  const made: NDArray[] = [];
  try {
    if (sel.scalar && (typeof value === 'number' || typeof value === 'boolean')) {
      heapOf(x.dtype)[sel.offset] = scalarFor(fn, value, x.dtype);
      return x;
    }
    const v = valueArray(fn, x, value, made);
    if (sel.advanced.length === 0) {
      checkListDepth(fn, value, v, sel.dims.length);
      const target = {
        dtype: x.dtype,
        dims: sel.dims,
        offset: sel.offset,
        elementStrides: sel.strides,
        itemsize: x.itemsize,
      };
      const shape = assignableShape(fn, v, sel.dims, 'basic');
      castInto(
        {
          dtype: v.dtype,
          dims: sel.dims,
          offset: v.offset,
          itemsize: v.itemsize,
          elementStrides: valueStrides(v, shape, sel.dims),
        },
        target,
      );
      return x;
    }
    if (fullMask(x, keys) && v.size === 1) {
      // x[mask] = scalar with a mask of x's shape: one where kernel, in place.
      whereInPlace(x, keys[0] as NDArray | readonly ArrayInput[], v, made);
      return x;
    }
    const plan = planGather(fn, sel);
    // The value broadcast to the result's shape, then laid out index axes first as the gather.
    const onlyMask = keys.length === 1 && sel.advanced.length === 1 && isMask(keys[0]);
    const shape = assignableShape(fn, v, plan.dims, onlyMask ? 'mask' : 'advanced');
    const strides = inLayout(plan, valueStrides(v, shape, plan.dims));
    eachBlock(x, plan, { dtype: v.dtype, offset: v.offset, strides }, true);
    return x;
  } finally {
    disposeAll(made);
    disposeAll(sel.temporaries);
  }
}

/** Whether a key is a bool array (an NDArray of bools, or JS data of booleans). */
function isMask(key: unknown): boolean {
  if (key instanceof NDArray) return key.dtype === 'bool';
  return Array.isArray(key) && key.flat(Infinity).some((v) => typeof v === 'boolean');
}

/** Whether keys are one bool mask with x's whole shape. */
function fullMask(x: NDArray, keys: readonly unknown[]): boolean {
  if (keys.length !== 1) return false;
  const key = keys[0];
  if (!(key instanceof NDArray) || key.dtype !== 'bool' || key.ndim !== x.ndim) return false;
  return key.dims.every((d, i) => d === x.dims[i]);
}

function whereInPlace(
  x: NDArray,
  mask: NDArray | readonly ArrayInput[],
  v: NDArray,
  made: NDArray[],
): void {
  let value = v;
  if (v.dtype !== x.dtype) {
    value = v.astype(x.dtype);
    made.push(value);
  }
  const m = mask as NDArray;
  const zeros = x.dims.map(() => 0);
  runElementwise('where', x.dtype, x.dims, [
    stridedOf(m),
    stridedOf(value, zeros),
    stridedOf(x),
    stridedOf(x),
  ]);
}

// x.get and x.set, declared in ndarray.ts; installed here, beside the key parsing they use.
Object.assign(NDArray.prototype, {
  get(this: NDArray, ...keys: IndexKey[]) {
    return getItem(this, keys);
  },
  set(this: NDArray, ...keysAndValue: unknown[]) {
    if (keysAndValue.length === 0) throw new TypeError('set: expected a value to assign');
    return setItem(this, keysAndValue.slice(0, -1), keysAndValue[keysAndValue.length - 1]);
  },
});
