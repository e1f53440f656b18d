// Joining arrays: concatenate, stack, vstack, hstack, and meshgrid. Each input is copied into its
// slab of the output by the strided cast kernel (inputs promoted to the result type of all).
import { promoteTypes } from '../dtype.js';
import { ValueError, checkOptions, checkReadable, describe, readList } from '../errors.js';
import { NDArray } from '../ndarray.js';
import { normalizeAxis } from '../shape.js';
import { castInto } from '../strided.js';
import { type ArrayInput, operand } from './create.js';
import { Temporaries } from './elementwise.js';
import { broadcastTo, expandDims } from './shapes.js';

/** The inputs as NDArrays (converted ones registered in temps); fn names the caller. */
function arraysOf(fn: string, arrays: readonly ArrayInput[], temps: Temporaries): NDArray[] {
  checkReadable(fn, arrays);
  if (!Array.isArray(arrays)) {
    throw new TypeError(`${fn}: expected a sequence of arrays, got ${describe(arrays)}`);
  }
  return readList(fn, arrays).map((a) => temps.keep(operand(fn, a as ArrayInput), a as ArrayInput));
}

/** Concatenates NDArrays along an axis (checked), into a new array of their result type. */
function join(fn: string, inputs: readonly NDArray[], axisArg: number): NDArray {
  if (inputs.length === 0) throw new ValueError('need at least one array to concatenate');
  const first = inputs[0];
  if (first.ndim === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
  const axis = normalizeAxis(fn, axisArg, first.ndim);
  inputs.forEach((a, i) => {
    if (a.ndim !== first.ndim) {
      throw new ValueError(
        'all the input arrays must have same number of dimensions, but the array at index 0 ' +
          `has ${first.ndim} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    }
    a.dims.forEach((d, k) => {
      if (k !== axis && d !== first.dims[k]) {
        throw new ValueError(
          'all the input array dimensions except for the concatenation axis must match ' +
            `exactly, but along dimension ${k}, the array at index 0 has size ${first.dims[k]} ` +
            `and the array at index ${i} has size ${d}`,
        );
      }
    });
  });
  const dtype = inputs.map((a) => a.dtype).reduce(promoteTypes);
  const shape = [...first.dims];
  shape[axis] = inputs.reduce((n, a) => n + a.dims[axis], 0);
  const out = NDArray.empty(shape, dtype, fn);
  let start = 0;
  for (const a of inputs) {
    // a's slab of out: out's strides, starting at `start` along the axis.
    castInto(a, {
      dtype,
      dims: a.dims,
      offset: out.offset + start * out.elementStrides[axis],
      itemsize: out.itemsize,
      elementStrides: out.elementStrides,
    });
    start += a.dims[axis];
  }
  return out;
}

/** np.concatenate(arrays, axis = 0): joined along an existing axis; axis null flattens first. */
export function concatenate(arrays: readonly ArrayInput[], axis: number | null = 0): NDArray {
  const temps = new Temporaries();
  try {
    let inputs = arraysOf('concatenate', arrays, temps);
    if (axis === null) inputs = inputs.map((a) => temps.keep(a.ravel()));
    return join('concatenate', inputs, axis ?? 0);
  } finally {
    temps.dispose();
  }
}

/** np.stack(arrays, axis = 0): joined along a new axis; every input has the same shape. */
export function stack(arrays: readonly ArrayInput[], axis = 0): NDArray {
  const temps = new Temporaries();
  try {
    const inputs = arraysOf('stack', arrays, temps);
    if (inputs.length === 0) throw new ValueError('need at least one array to stack');
    const shape = inputs[0].dims;
    if (inputs.some((a) => a.ndim !== shape.length || a.dims.some((d, i) => d !== shape[i]))) {
      throw new ValueError('all input arrays must have the same shape');
    }
    const at = normalizeAxis('stack', axis, shape.length + 1);
    return join(
      'stack',
      inputs.map((a) => temps.keep(expandDims(a, at))),
      at,
    );
  } finally {
    temps.dispose();
  }
}

/** At least `ndim` dimensions, as np.atleast_1d / atleast_2d add them (a view). */
function atLeast(a: NDArray, ndim: 1 | 2): NDArray {
  if (a.ndim >= ndim) return a.view(a.dims, a.elementStrides);
  if (a.ndim === 0) return a.view(new Array<number>(ndim).fill(1), new Array<number>(ndim).fill(0));
  return a.view([1, ...a.dims], [0, ...a.elementStrides]); // 1-D to (1, n)
}

/** np.vstack: stacked as rows (1-D inputs become rows), along axis 0. */
export function vstack(arrays: readonly ArrayInput[]): NDArray {
  const temps = new Temporaries();
  try {
    const inputs = arraysOf('vstack', arrays, temps).map((a) => temps.keep(atLeast(a, 2)));
    return join('vstack', inputs, 0);
  } finally {
    temps.dispose();
  }
}

/** np.hstack: joined along axis 1 (axis 0 for 1-D inputs). */
export function hstack(arrays: readonly ArrayInput[]): NDArray {
  const temps = new Temporaries();
  try {
    const inputs = arraysOf('hstack', arrays, temps).map((a) => temps.keep(atLeast(a, 1)));
    if (inputs.length === 0) throw new ValueError('need at least one array to concatenate');
    return join('hstack', inputs, inputs[0].ndim === 1 ? 0 : 1);
  } finally {
    temps.dispose();
  }
}

export interface MeshgridOptions {
  indexing?: 'xy' | 'ij';
}

/**
 * np.meshgrid(...xs, {indexing = 'xy'}): coordinate arrays, one per input (each a copy). With
 * 'xy' the first two axes are swapped, as for plotting (x along columns).
 */
export function meshgrid(...args: (ArrayInput | MeshgridOptions)[]): NDArray[] {
  const last = args.at(-1);
  checkReadable('meshgrid', last);
  const hasOptions =
    last !== null &&
    typeof last === 'object' &&
    !Array.isArray(last) &&
    !(last instanceof NDArray) &&
    !ArrayBuffer.isView(last);
  const options = hasOptions ? (args.pop() as MeshgridOptions) : undefined;
  const { indexing = 'xy' } = checkOptions('meshgrid', options, ['indexing']);
  if (indexing !== 'xy' && indexing !== 'ij') {
    throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  }
  const temps = new Temporaries();
  try {
    const xs = arraysOf('meshgrid', args as ArrayInput[], temps).map((a) => temps.keep(a.ravel()));
    const n = xs.length;
    const lengths = xs.map((x) => x.size);
    if (indexing === 'xy' && n >= 2) [lengths[0], lengths[1]] = [lengths[1], lengths[0]];
    return xs.map((x, i) => {
      // x along its output axis: axis i, except that 'xy' swaps the first two.
      const at = indexing === 'xy' && n >= 2 && i < 2 ? 1 - i : i;
      const shape = lengths.map((_, k) => (k === at ? x.size : 1));
      const along = temps.keep(x.reshape(shape));
      return temps.keep(broadcastTo(along, lengths)).copy();
    });
  } finally {
    temps.dispose();
  }
}
