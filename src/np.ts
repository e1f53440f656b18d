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
  full,
  linspace,
  ones,
  reshape,
  zeros,
} from './ops/create.js';
import { random } from './random/index.js';
import { getBackend, loadBackend, setBackend, wasmFeatures } from './kernels.js';
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

/** NumPy's repr(x). */
function arrayRepr(x: ArrayInput): string {
  const input = asarray(x);
  try {
    return reprOf(input.printable('arrayRepr'));
  } finally {
    if (input !== x) input.dispose();
  }
}

/** NumPy's str(x). */
function arrayStr(x: ArrayInput): string {
  const input = asarray(x);
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
  random,
  // indexing
  slice,
  newaxis,
  // elementwise
  ...ops,
  ...math,
  // comparison and logic
  equal: logic.equal,
  notEqual: logic.notEqual,
  less: logic.less,
  lessEqual: logic.lessEqual,
  greater: logic.greater,
  greaterEqual: logic.greaterEqual,
  logicalAnd: logic.logicalAnd,
  logicalOr: logic.logicalOr,
  logicalXor: logic.logicalXor,
  logicalNot: logic.logicalNot,
  isnan: logic.isnan,
  isinf: logic.isinf,
  isfinite: logic.isfinite,
  where: logic.where,
  nonzero: logic.nonzero,
  all: logic.all,
  any: logic.any,
  isclose: logic.isclose,
  allclose: logic.allclose,
  arrayEqual: logic.arrayEqual,
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
  sum,
  mean,
  max,
  min,
  argmax,
  argmin,
  prod,
  var: variance,
  std,
  cumsum,
  sort,
  argsort,
  // linear algebra
  dot,
  matmul,
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
  wasmFeatures,
  memory: memoryUsage,
  // types
  NDArray,
  ValueError,
  AxisError,
  IndexError,
  LinAlgError,
  nn,
  /** The package's version (package.json's). */
  version,
};
