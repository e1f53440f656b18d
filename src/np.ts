// The np namespace: NumPy's names over this library's modules.
import { AxisError, IndexError, LinAlgError, ValueError } from './errors.js';
import { arrayRepr as reprOf } from './format/arrayprint.js';
import {
  getPrintOptions,
  printOptions,
  resetPrintOptions,
  setPrintOptions,
} from './format/options.js';
import { memoryUsage, tidy } from './memory.js';
import { NDArray } from './ndarray.js';
import * as nn from './nn.js';
import {
  type ArrayInput,
  arange,
  array,
  asarray,
  empty,
  operand,
  full,
  linspace,
  ones,
  reshape,
  zeros,
} from './ops/create.js';
import { random } from './random/index.js';
import { getBackend, loadBackend, setBackend, wasmFeatures } from './kernels.js';
import { getThreads, setThreads } from './threads/settings.js';
import * as ops from './ops/index.js';
import { dot, matmul, norm } from './ops/linalg.js';
import { argmax, argmin, max, mean, min, prod, sum } from './ops/reduce.js';
import * as logic from './ops/logic.js';
import * as math from './ops/math.js';
import { concatenate, hstack, meshgrid, stack, vstack } from './ops/joins.js';
import {
  broadcastTo,
  copy,
  expandDims,
  eye,
  fullLike,
  onesLike,
  ravel,
  squeeze,
  transpose,
  zerosLike,
} from './ops/shapes.js';
import { argsort, sort } from './ops/sorting.js';
import { cumsum, std, variance } from './ops/statistics.js';
import { svd } from './ops/svd.js';
import { newaxis, slice } from './indexing.js';
import './methods.js';
import { version } from './generated/version.js';

/** np.array_repr(x): NumPy's repr(x). */
function arrayRepr(x: ArrayInput): string {
  const input = operand('arrayRepr', x);
  try {
    return reprOf(input.printable('arrayRepr'));
  } finally {
    if (input !== x) input.dispose();
  }
}

/** np.array_str(x): NumPy's str(x). */
function arrayStr(x: ArrayInput): string {
  const input = operand('arrayStr', x);
  try {
    return input.toString();
  } finally {
    if (input !== x) input.dispose();
  }
}

export const np = {
  // creation
  array,
  asarray,
  zeros,
  ones,
  full,
  empty,
  arange,
  linspace,
  reshape,
  /** np.random: NumPy's legacy functions over a global RandomState, RandomState, Generator and defaultRng. */
  random,
  // indexing
  slice,
  /** np.newaxis: null, as NumPy's is None (a new axis of size 1 in x.get). */
  newaxis,
  // elementwise
  ...ops,
  ...math,
  // comparison and logic
  ...logic,
  // shapes and joins
  squeeze,
  expandDims,
  transpose,
  copy,
  ravel,
  broadcastTo,
  concatenate,
  stack,
  vstack,
  hstack,
  meshgrid,
  eye,
  zerosLike,
  onesLike,
  fullLike,
  // reductions
  /** np.sum: the sum of the elements over the given axes (all by default), in NumPy's pairwise order. */
  sum,
  mean,
  /** np.max: the largest element over the given axes; NaN propagates. */
  max,
  /** np.min: the smallest element over the given axes; NaN propagates. */
  min,
  argmax,
  argmin,
  /** np.prod: the product of the elements over the given axes (all by default), in index order. */
  prod,
  var: variance,
  std,
  cumsum,
  sort,
  argsort,
  // linear algebra
  dot,
  matmul,
  /** np.linalg: norm and svd. */
  linalg: { norm, svd },
  // printing
  arrayRepr,
  arrayStr,
  setPrintOptions,
  getPrintOptions,
  printOptions,
  resetPrintOptions,
  // memory and kernels
  tidy,
  setBackend,
  loadBackend,
  getBackend,
  setThreads,
  getThreads,
  wasmFeatures,
  memory: memoryUsage,
  // types
  /** np.ndarray: the array class (create arrays with np.array, np.zeros, ...). */
  NDArray,
  /** Python's ValueError: a bad value (shapes that do not broadcast, a bad reshape, ...). */
  ValueError,
  /** np.exceptions.AxisError: an axis out of bounds. */
  AxisError,
  /** Python's IndexError: an index out of bounds or too many indices. */
  IndexError,
  /** np.linalg.LinAlgError: a linear-algebra computation failed (svd did not converge). */
  LinAlgError,
  /** The course's neural-network functions: sigmoid, softmax, losses, activations. */
  nn,
  /** The package's version (package.json's). */
  version,
};
