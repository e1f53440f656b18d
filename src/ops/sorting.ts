// np.sort and np.argsort along an axis, stable (NumPy's kind='stable'): equal elements keep their
// order, NaN sorts last, and -0.0 equals 0.0.
import { heapOf, NDArray } from '../ndarray.js';
import { forEachIndex, normalizeAxis } from '../shape.js';
import { type ArrayInput, operand } from './create.js';
import { Temporaries } from './elementwise.js';

/** NumPy's sort order: a before b, NaN after every number. */
function before(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  return a !== a ? (b !== b ? 0 : 1) : -1; // one of them is NaN
}

/**
 * Calls fn(order, lane, outStart, outStride) for each lane of x along `axis`: lane holds its
 * elements, order their stable sorting permutation; out's matching lane starts at outStart.
 */
function eachSortedLane(
  x: NDArray,
  axis: number,
  out: NDArray,
  fn: (order: Int32Array, lane: Float64Array, outStart: number, outStride: number) => void,
): void {
  const values = heapOf(x.dtype);
  const n = x.dims[axis];
  const others = [...x.dims.keys()].filter((i) => i !== axis);
  const lane = new Float64Array(n);
  const order = new Int32Array(n);
  forEachIndex(
    others.map((i) => x.dims[i]),
    others.length,
    (index) => {
      let xe = x.offset;
      let oe = out.offset;
      others.forEach((axisIndex, k) => {
        xe += index[k] * x.elementStrides[axisIndex];
        oe += index[k] * out.elementStrides[axisIndex];
      });
      for (let i = 0; i < n; i++) {
        lane[i] = values[xe + i * x.elementStrides[axis]];
        order[i] = i;
      }
      order.sort((p, q) => before(lane[p], lane[q]) || p - q);
      fn(order, lane, oe, out.elementStrides[axis]);
    },
  );
}

function sortArguments(name: string, x: ArrayInput, axis: number | null, temps: Temporaries) {
  let input = temps.keep(operand(name, x), x);
  // argsort of a 0-d array is NumPy's [0] whatever the axis (sort checks the axis).
  const flat = axis === null || (name === 'argsort' && input.ndim === 0);
  if (flat) input = temps.keep(input.reshape(-1));
  return { input, a: flat ? 0 : normalizeAxis(name, axis, input.ndim) };
}

/** np.sort(x, axis = -1): a sorted copy (axis null sorts the flattened array). */
export function sort(x: ArrayInput, axis: number | null = -1): NDArray {
  const temps = new Temporaries();
  try {
    const { input, a } = sortArguments('sort', x, axis, temps);
    const out = NDArray.empty(input.dims, input.dtype, 'sort');
    const dest = heapOf(out.dtype);
    if (out.size > 0) {
      eachSortedLane(input, a, out, (order, lane, start, stride) => {
        for (let i = 0; i < order.length; i++) dest[start + i * stride] = lane[order[i]];
      });
    }
    return out;
  } finally {
    temps.dispose();
  }
}

/** np.argsort(x, axis = -1): the int32 indices that sort x along the axis, stable. */
export function argsort(x: ArrayInput, axis: number | null = -1): NDArray {
  const temps = new Temporaries();
  try {
    const { input, a } = sortArguments('argsort', x, axis, temps);
    const out = NDArray.empty(input.dims, 'int32', 'argsort');
    const dest = heapOf('int32');
    if (out.size > 0) {
      eachSortedLane(input, a, out, (order, _lane, start, stride) => {
        for (let i = 0; i < order.length; i++) dest[start + i * stride] = order[i];
      });
    }
    return out;
  } finally {
    temps.dispose();
  }
}
