/// <reference lib="esnext.disposable" preserve="true" />
// NDArray: a typed, strided view of a block of wasm linear memory, NumPy's data model.
import { type DType, type DTypeName, ITEMSIZE, type TypedArray, checkDType } from './dtype.js';
import {
  IndexError,
  ValueError,
  checkReadable,
  describe,
  formatShape,
  readList,
} from './errors.js';
import { type Printable, arrayToString } from './format/arrayprint.js';
import { type Block, type Lease, adopt, allocate, disown, heap, release } from './memory.js';
import {
  type Shape,
  contiguousStrides,
  isContiguous,
  normalizeAxis,
  resolveReshape,
  shapeSize,
} from './shape.js';
import { castInto } from './strided.js';
import type { IndexKey } from './indexing.js';

/** What np.array and every op accept: numbers, booleans, nested arrays of them, typed arrays, NDArrays. */
export type ArrayInput = number | boolean | NDArray | ArrayBufferView | readonly ArrayInput[];

/** Nested JS arrays as toArray() returns them. */
export type NestedArray = number | boolean | NestedArray[];

/** The typed array over the whole heap that holds elements of `dtype`. */
export function heapOf(dtype: DType): TypedArray {
  const views = heap();
  switch (dtype) {
    case 'float64':
      return views.f64;
    case 'float32':
      return views.f32;
    case 'int32':
      return views.i32;
    case 'bool':
      return views.u8;
  }
}

/** Converts a JS number to what storing it in `dtype` gives in NumPy (C casts). */
export function castValue(value: number | boolean, dtype: DType): number {
  const x = Number(value);
  switch (dtype) {
    case 'float64':
      return x;
    case 'float32':
      return Math.fround(x);
    case 'bool':
      return x !== 0 ? 1 : 0; // NaN is true, as in NumPy
    case 'int32':
      // x86's cvttsd2si, which NumPy's cast compiles to: out of range and NaN give INT32_MIN.
      return x > -2147483649 && x < 2147483648 ? Math.trunc(x) : -2147483648;
  }
}

/** Calls fn with the element offset (in elements from the heap view's start) of each element, in C order. */
export function forEachOffset(
  shape: Shape,
  strides: readonly number[],
  start: number,
  fn: (offset: number) => void,
): void {
  const ndim = shape.length;
  if (shapeSize(shape) === 0) return;
  if (ndim === 0) {
    fn(start);
    return;
  }
  const index = new Array<number>(ndim).fill(0);
  const last = ndim - 1;
  const lastLength = shape[last];
  const lastStride = strides[last];
  let offset = start;
  for (;;) {
    for (let i = 0, o = offset; i < lastLength; i++, o += lastStride) fn(o);
    let axis = last - 1;
    while (axis >= 0) {
      offset += strides[axis];
      if (++index[axis] < shape[axis]) break;
      offset -= strides[axis] * shape[axis];
      index[axis] = 0;
      axis--;
    }
    if (axis < 0) return;
  }
}

/** The most nested JS arrays toArray makes (about a gigabyte of JS heap). */
const MAX_NESTED_ARRAYS = 2 ** 24;

/** A NumPy-style n-d array living in wasm memory. Create one with np.array, np.zeros, ... */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class NDArray {
  // Private fields behind getters: an assignment (x.shape = [8]) throws instead of making the
  // printer or a kernel read past the block, and Object.freeze(x) leaves the lease writable.
  readonly #block: Block;
  readonly #dtype: DType;
  // The shape as every op reads it: a plain array (V8's array builtins take slow paths on frozen
  // ones: slice took 0.4 us, destructuring 50 ns, and freezing one 0.1 us, per call here),
  // never handed out. x.shape is a frozen copy, made on first use.
  readonly #shape: readonly number[];
  #frozenShape: readonly number[] | undefined = undefined;
  readonly #strides: readonly number[];
  readonly #offset: number;
  #lease: Lease | undefined = undefined;
  #disposed = false;
  // Shape and strides never change, and every op asks for these, often more than once.
  readonly #size: number;
  readonly #contiguous: boolean;

  /** @internal Use np.array, np.zeros and friends. */
  constructor(
    block: Block,
    dtype: DType,
    shape: Shape,
    strides: readonly number[],
    offset: number,
    /** Known by the caller (a new array's C-order strides), so not worked out again. */
    contiguous?: boolean,
  ) {
    this.#block = block;
    this.#dtype = dtype;
    // Callers hand over arrays that nobody changes afterwards (ops share them between arrays).
    this.#shape = shape;
    // Strides are internal: never handed out (x.strides is a fresh array of bytes), so not frozen.
    this.#strides = strides;
    this.#offset = offset;
    this.#size = shapeSize(shape);
    this.#contiguous = contiguous ?? isContiguous(shape, strides);
    adopt(this);
  }

  /** @internal NumPy's x.shape = ... reshapes in place; these arrays' shapes never change. */
  set shape(_: readonly number[]) {
    throw new TypeError("shape: an array's shape cannot be assigned; use x.reshape(...)");
  }

  /** @internal NumPy's x.dtype = ... reinterprets the bytes; these arrays' dtypes never change. */
  set dtype(_: DType) {
    throw new TypeError("dtype: an array's dtype cannot be assigned; use x.astype(...)");
  }

  /** @internal The block of wasm memory the array's elements live in. */
  get block(): Block {
    return this.#block;
  }

  /** Element type. */
  get dtype(): DType {
    return this.#dtype;
  }

  /** Dimensions (frozen: changing them would make kernels read past the array). */
  get shape(): readonly number[] {
    return (this.#frozenShape ??= Object.freeze([...this.#shape]));
  }

  /** @internal The shape, for ops: the array itself, never to be changed or handed out. */
  get dims(): readonly number[] {
    return this.#shape;
  }

  /** @internal Steps between neighbours along each axis, in elements. */
  get elementStrides(): readonly number[] {
    return this.#strides;
  }

  /** @internal Index of the first element in the heap view of this dtype. */
  get offset(): number {
    return this.#offset;
  }

  /** @internal The array's finalization lease (memory.ts). */
  get lease(): Lease | undefined {
    return this.#lease;
  }

  /** @internal */
  set lease(lease: Lease | undefined) {
    this.#lease = lease;
  }

  /** @internal A new contiguous array; its contents are whatever the memory held. */
  static empty(shape: Shape, dtype: DType, fn: string): NDArray {
    const size = shapeSize(shape);
    const bytes = size * ITEMSIZE[dtype];
    const block = allocate(bytes, fn, shape, dtype);
    const offset = block.ptr / ITEMSIZE[dtype];
    return new NDArray(block, dtype, shape, contiguousStrides(shape), offset, true);
  }

  /** @internal A view of this array's memory with another shape, strides and offset. */
  view(shape: Shape, strides: readonly number[], offset = this.offset): NDArray {
    this.check('view');
    this.block.refs++;
    try {
      return new NDArray(this.block, this.dtype, shape, strides, offset);
    } catch (error) {
      release(this.block);
      throw error;
    }
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.#shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return this.#size;
  }

  /** Bytes per element. */
  get itemsize(): number {
    return ITEMSIZE[this.dtype];
  }

  /** Steps between neighbours along each axis, in bytes, as NumPy reports them. */
  get strides(): number[] {
    return this.elementStrides.map((s) => s * this.itemsize);
  }

  /** Whether the elements lie in memory in C order with no gaps. */
  get isContiguous(): boolean {
    return this.#contiguous;
  }

  /** Whether dispose() has been called. */
  get isDisposed(): boolean {
    return this.#disposed;
  }

  /** @internal Throws when the array was disposed; `fn` names the caller. */
  check(fn: string): this {
    if (this.#disposed) throw new Error(`${fn}: this array was disposed`);
    return this;
  }

  /**
   * The elements as a typed array over wasm memory (no copy). Valid until the next allocation,
   * which may grow the memory; C-contiguous arrays only (copy() a view first).
   */
  get data(): TypedArray {
    this.check('data');
    if (!this.isContiguous) {
      throw new ValueError('data: the array is not C-contiguous; call copy() first');
    }
    return heapOf(this.dtype).subarray(this.offset, this.offset + this.size);
  }

  /** Transposed view (axes reversed). */
  get T(): NDArray {
    // A matrix's .T (dZ A.T, W.T) comes in every training step: made directly, not through
    // transpose's reading of an axes list.
    if (this.#shape.length !== 2) return this.transpose();
    this.check('transpose');
    const [rows, cols] = this.#shape;
    const [rowStride, colStride] = this.#strides;
    return this.view([cols, rows], [colStride, rowStride]);
  }

  /** A view with the axes permuted; reversed when `axes` is omitted. */
  transpose(...axes: (number | number[])[]): NDArray {
    this.check('transpose');
    checkReadable('transpose', axes[0]);
    const order = axes.length === 1 && Array.isArray(axes[0]) ? axes[0] : (axes as number[]);
    let perm: number[];
    if (order.length === 0) {
      perm = this.#shape.map((_, i) => this.ndim - 1 - i);
    } else {
      // Types first, as NumPy.
      const list = readList('transpose', order).map((a) => {
        if (typeof a !== 'number' || !Number.isInteger(a)) {
          throw new TypeError(`transpose: axis must be an integer, got ${describe(a)}`);
        }
        return a;
      });
      if (list.length !== this.ndim) throw new ValueError("axes don't match array");
      perm = list.map((a) => normalizeAxis('transpose', a, this.ndim));
      if (new Set(perm).size !== perm.length) throw new ValueError('repeated axis in transpose');
    }
    return this.view(
      perm.map((a) => this.#shape[a]),
      perm.map((a) => this.elementStrides[a]),
    );
  }

  /** The same data with a new shape (one dimension may be -1): a view when contiguous, else a copy. */
  reshape(...dims: (number | readonly number[])[]): NDArray {
    this.check('reshape');
    checkReadable('reshape', dims[0]);
    const requested = dims.length === 1 && Array.isArray(dims[0]) ? dims[0] : dims;
    const shape = resolveReshape(this.size, requested as readonly unknown[]);
    if (this.isContiguous) return this.view(shape, contiguousStrides(shape));
    const contiguous = this.copy();
    try {
      return contiguous.view(shape, contiguousStrides(shape));
    } finally {
      contiguous.dispose();
    }
  }

  /** The elements as a 1-D array: a view when contiguous, else a copy. */
  ravel(): NDArray {
    return this.reshape(-1);
  }

  /** A C-contiguous copy with elements converted to `dtype` (as NumPy's C casts). */
  astype(dtype: DTypeName): NDArray {
    this.check('astype');
    const target = checkDType('astype', dtype);
    const out = NDArray.empty(this.#shape, target, 'astype');
    castInto(this, out);
    return out;
  }

  /** A C-contiguous copy. */
  copy(): NDArray {
    return this.astype(this.dtype);
  }

  /** The elements as nested JS arrays (booleans for bool); a 0-d array gives its scalar. */
  toArray(): NestedArray {
    this.check('toArray');
    // The JS arrays it would make, one per index of the leading axes: an empty array of shape
    // (1e10, 0) holds nothing, but as nested JS arrays it would exhaust JS's heap (a crash, not
    // an error).
    let arrays = 1;
    for (let i = 0; i < this.ndim - 1; i++) arrays *= this.#shape[i];
    if (arrays > MAX_NESTED_ARRAYS) {
      throw new RangeError(
        `toArray: an array of shape ${formatShape(this.#shape)} would make ${arrays} nested JS ` +
          `arrays, more than JS's heap holds (at most ${MAX_NESTED_ARRAYS})`,
      );
    }
    const values = heapOf(this.dtype);
    const toJs = this.dtype === 'bool' ? (v: number) => v !== 0 : (v: number) => v;
    const build = (axis: number, offset: number): NestedArray => {
      if (axis === this.ndim) return toJs(values[offset]);
      const out: NestedArray[] = [];
      for (let i = 0; i < this.#shape[axis]; i++) {
        out.push(build(axis + 1, offset + i * this.elementStrides[axis]));
      }
      return out;
    };
    return build(0, this.offset);
  }

  /** The element at a flat C-order index (default: the only element) as a JS number or boolean. */
  item(index?: number): number | boolean {
    this.check('item');
    if (index === undefined) {
      if (this.size !== 1) {
        throw new ValueError('can only convert an array of size 1 to a Python scalar');
      }
      index = 0;
    }
    if (!Number.isInteger(index))
      throw new TypeError(`item: index must be an integer, got ${describe(index)}`);
    const size = this.size;
    if (index < -size || index >= size) {
      throw new IndexError(`index ${index} is out of bounds for size ${size}`);
    }
    let rest = index < 0 ? index + size : index;
    let offset = this.offset;
    for (let axis = this.ndim - 1; axis >= 0; axis--) {
      offset += (rest % this.#shape[axis]) * this.elementStrides[axis];
      rest = Math.floor(rest / this.#shape[axis]);
    }
    const value = heapOf(this.dtype)[offset];
    return this.dtype === 'bool' ? value !== 0 : value;
  }

  /** Frees the array's memory now (once its views are gone too). Calling it again does nothing. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disown(this);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /** NumPy's str(x). */
  toString(): string {
    return arrayToString(this.printable('toString'));
  }

  /** @internal What the printer reads. */
  printable(fn: string): Printable {
    this.check(fn);
    const values = heapOf(this.dtype);
    const { offset, elementStrides, dims, dtype } = this;
    return {
      dims,
      dtype,
      at(index) {
        let o = offset;
        for (let i = 0; i < index.length; i++) o += index[i] * elementStrides[i];
        return values[o];
      },
    };
  }

  /**
   * JS operators: a string context ('A2 = ' + x, template literals) gets NumPy's str; numeric
   * coercion (x > 0.5, x * 2, -x) of an array with dimensions throws instead of giving NaN or
   * false. A 0-d array coerces to its value.
   */
  [Symbol.toPrimitive](hint: 'string' | 'number' | 'default'): string | number | boolean {
    if (this.ndim === 0 && hint !== 'string') return this.item();
    if (hint === 'number') {
      throw new TypeError(
        `an array of shape ${formatShape(this.#shape)} cannot be used as a number: JS operators do ` +
          'not work on arrays. Compare with np.greater, np.less, np.equal (x.gt, x.lt, x.eq); ' +
          'compute with np.add, np.subtract, np.multiply, np.divide, np.negative (x.add, x.sub, ' +
          'x.mul, x.div, x.negative)',
      );
    }
    return this.toString();
  }

  /** Node's console.log and util.inspect show NumPy's str form. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.isDisposed ? 'NDArray(disposed)' : this.toString();
  }
}

/** Axis argument of the reductions: an axis, a list of axes, null (all), or {axis, keepdims}. */
export type AxisArgument =
  | number
  | readonly number[]
  | null
  | { axis?: number | readonly number[] | null; keepdims?: boolean };

/** The argument of var and std: an axis argument, or {axis, keepdims, ddof}. */
export type VarianceArgument =
  | number
  | readonly number[]
  | null
  | { axis?: number | readonly number[] | null; keepdims?: boolean; ddof?: number };

// Method forms of the ops, installed by src/methods.ts (which sits above the ops).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- intended: the methods are assigned to the prototype
export interface NDArray {
  /**
   * NumPy's x[keys]: integers (negative from the end), slice strings (':', '1:3', '::-1') or
   * np.slice objects, '...', np.newaxis (null), bool masks and integer arrays. Basic keys give a
   * view (a JS number or boolean when every axis gets an integer); masks and index arrays a copy.
   */
  get(...keys: IndexKey[]): number | boolean | NDArray;
  /** NumPy's x[keys] = value: value broadcast to the selection and cast to x's dtype; returns x. */
  set(...keysAndValue: [...IndexKey[], ArrayInput]): NDArray;
  /** this + other, broadcasting. */
  add(other: ArrayInput): NDArray;
  /** this - other, broadcasting. */
  sub(other: ArrayInput): NDArray;
  /** this * other, broadcasting. */
  mul(other: ArrayInput): NDArray;
  /** this / other, broadcasting. */
  div(other: ArrayInput): NDArray;
  /** this ** other, broadcasting. */
  pow(other: ArrayInput): NDArray;
  /** Elementwise maximum with other. */
  maximum(other: ArrayInput): NDArray;
  /** Elementwise minimum with other. */
  minimum(other: ArrayInput): NDArray;
  /** np.exp(this): e^x, elementwise. */
  exp(): NDArray;
  /** np.log(this): natural logarithm, elementwise. */
  log(): NDArray;
  /** np.sqrt(this): square root, elementwise. */
  sqrt(): NDArray;
  /** np.tanh(this): hyperbolic tangent, elementwise. */
  tanh(): NDArray;
  /** np.abs(this): absolute value, elementwise. */
  abs(): NDArray;
  /** np.square(this): x * x, elementwise. */
  square(): NDArray;
  /** np.negative(this): -x, elementwise. */
  negative(): NDArray;
  /** Sum over all axes (a JS number) or the given ones. */
  sum(axis?: AxisArgument): NDArray | number;
  /** np.mean(this, axis): the arithmetic mean over all axes (a JS number) or the given ones. */
  mean(axis?: AxisArgument): NDArray | number;
  /** np.max(this, axis): the largest element over all axes (a JS number) or the given ones. */
  max(axis?: AxisArgument): NDArray | number;
  /** np.min(this, axis): the smallest element over all axes (a JS number) or the given ones. */
  min(axis?: AxisArgument): NDArray | number;
  /** np.argmax(this, axis): the index of the first maximum, flattened or along one axis. */
  argmax(axis?: number | null | { axis?: number | null; keepdims?: boolean }): NDArray | number;
  /** np.argmin(this, axis): the index of the first minimum, flattened or along one axis. */
  argmin(axis?: number | null | { axis?: number | null; keepdims?: boolean }): NDArray | number;
  /** Product over all axes (a JS number) or the given ones. */
  prod(axis?: AxisArgument): NDArray | number;
  /** np.var(this, {axis, keepdims, ddof}). */
  var(options?: VarianceArgument): NDArray | number;
  /** np.std(this, {axis, keepdims, ddof}). */
  std(options?: VarianceArgument): NDArray | number;
  /** Running sums along an axis (of the flattened array when omitted). */
  cumsum(axis?: number | null): NDArray;
  /** Whether every element is true (a JS boolean), or along the given axes. */
  all(axis?: AxisArgument): NDArray | boolean;
  /** Whether any element is true (a JS boolean), or along the given axes. */
  any(axis?: AxisArgument): NDArray | boolean;
  /** this == other, elementwise (np.equal). */
  eq(other: ArrayInput): NDArray;
  /** this != other, elementwise (np.not_equal). */
  ne(other: ArrayInput): NDArray;
  /** this < other, elementwise (np.less). */
  lt(other: ArrayInput): NDArray;
  /** this <= other, elementwise (np.less_equal). */
  le(other: ArrayInput): NDArray;
  /** this > other, elementwise (np.greater). */
  gt(other: ArrayInput): NDArray;
  /** this >= other, elementwise (np.greater_equal). */
  ge(other: ArrayInput): NDArray;
  /** np.clip(this, min, max); either bound may be null. */
  clip(min: ArrayInput | null, max: ArrayInput | null): NDArray;
  /** np.round(this, decimals = 0): halves to even. */
  round(decimals?: number): NDArray;
  /** np.squeeze(this, axis?): a view without size-1 axes. */
  squeeze(axis?: number | readonly number[] | null): NDArray;
  /** A 1-D copy of the elements in C order. */
  flatten(): NDArray;
  /** np.dot(this, other). */
  dot(other: ArrayInput): NDArray | number;
  /** np.matmul(this, other). */
  matmul(other: ArrayInput): NDArray | number;
}
