// The np namespace: NumPy's names over this library's modules.
import { AxisError, IndexError, ValueError } from './errors.js';
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
import { defaultRng } from './random.js';
import { getBackend, setBackend, wasmFeatures } from './kernels.js';
import * as ops from './ops/index.js';
import { dot, matmul, norm } from './ops/linalg.js';
import { argmax, max, mean, min, sum } from './ops/reduce.js';
import './methods.js';

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
  random: { defaultRng },
  // elementwise
  ...ops,
  // reductions
  sum,
  mean,
  max,
  min,
  argmax,
  // linear algebra
  dot,
  matmul,
  linalg: { norm },
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
  getBackend,
  wasmFeatures,
  memory: memoryUsage,
  // types
  NDArray,
  ValueError,
  AxisError,
  IndexError,
  nn,
};
