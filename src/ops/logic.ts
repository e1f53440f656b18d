// Comparison and logic: NumPy's bool-valued ufuncs, where, nonzero, all/any, and the closeness
// tests. Comparisons promote their operands as arithmetic does (JS numbers are weak scalars)
// and compare in that dtype; logical ops compare each operand's truth (x != 0, NaN is true).
import { isFloat } from '../dtype.js';
import { ValueError, checkBoolean, checkOptions, describe, namingCaller } from '../errors.js';
import { nonzeroOf } from '../indexing.js';
import { type AxisArgument, NDArray } from '../ndarray.js';
import { broadcastShapes, broadcastStrides } from '../shape.js';
import { runElementwise, stridedOf } from '../strided.js';
import { type ArrayInput, fromData, operand } from './create.js';
import { Temporaries, applyBinary, applyUnaryKernel, promoteOperands } from './elementwise.js';
import { abs, add, multiply, subtract } from './index.js';
import { readAxisArgument, reduce, resolveAxes } from './reduce.js';
import type { Comparison, Predicate } from '../ufunc-types.js';

/** A function of two operands: JS values for two JS scalars, else a bool array. */

function comparison(name: string): Comparison {
  return ((a: ArrayInput, b: ArrayInput) =>
    applyBinary(name, a, b, (dtype) => ({ work: dtype, result: 'bool' }))) as Comparison;
}

/** np.equal: a == b elementwise (NaN is unequal to everything). */
export const equal = comparison('equal');
/** np.not_equal: a != b elementwise. */
export const notEqual = comparison('notEqual');
/** np.less: a < b elementwise. */
export const less = comparison('less');
/** np.less_equal: a <= b elementwise. */
export const lessEqual = comparison('lessEqual');
/** np.greater: a > b elementwise. */
export const greater = comparison('greater');
/** np.greater_equal: a >= b elementwise. */
export const greaterEqual = comparison('greaterEqual');

function logical(name: string): Comparison {
  return ((a: ArrayInput, b: ArrayInput) =>
    applyBinary(name, a, b, () => ({ work: 'bool', result: 'bool' }))) as Comparison;
}

/** np.logical_and: the truth value of a AND b, elementwise. */
export const logicalAnd = logical('logicalAnd');
/** np.logical_or: the truth value of a OR b, elementwise. */
export const logicalOr = logical('logicalOr');
/** np.logical_xor: the truth value of a XOR b, elementwise. */
export const logicalXor = logical('logicalXor');

/** np.logical_not: NOT x, elementwise (the truth value of x negated). */
export const logicalNot = ((x: ArrayInput) => {
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand('logicalNot', x), x);
    if (input.dtype !== 'bool') input = temps.keep(fromData('logicalNot', input, 'bool'));
    return applyUnaryKernel('logicalNot', input, x, temps, 'bool');
  } finally {
    temps.dispose();
  }
}) as Predicate;

/** isnan / isinf / isfinite: on ints and bools NumPy's answer is the same for every element. */
function classification(name: 'isnan' | 'isinf' | 'isfinite'): Predicate {
  return ((x: ArrayInput) => {
    const temps = new Temporaries();
    try {
      const input = temps.keep(operand(name, x), x);
      if (isFloat(input.dtype)) return applyUnaryKernel(name, input, x, temps, 'bool');
      const out = NDArray.empty(input.dims, 'bool', name);
      out.set('...', name === 'isfinite');
      if (typeof x !== 'number' && typeof x !== 'boolean') return out;
      temps.keep(out);
      return name === 'isfinite';
    } finally {
      temps.dispose();
    }
  }) as Predicate;
}

/** np.isnan: whether each element is NaN. */
export const isnan = classification('isnan');
/** np.isinf: whether each element is +Infinity or -Infinity. */
export const isinf = classification('isinf');
/** np.isfinite: whether each element is neither infinite nor NaN. */
export const isfinite = classification('isfinite');

/** np.nonzero(x): the indices of the non-zero elements, one int32 array per axis. */
export function nonzero(x: ArrayInput): NDArray[] {
  const temps = new Temporaries();
  try {
    let input = temps.keep(operand('nonzero', x), x);
    if (input.ndim === 0) {
      throw new ValueError(
        'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.',
      );
    }
    if (input.dtype !== 'bool') input = temps.keep(fromData('nonzero', input, 'bool'));
    return nonzeroOf('nonzero', input);
  } finally {
    temps.dispose();
  }
}

/**
 * np.where(cond, x, y): x where cond is true, else y, broadcast together (x and y promoted as
 * arithmetic promotes them). np.where(cond) is np.nonzero(cond).
 */
export function where(condition: ArrayInput): NDArray[];
export function where(condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray;
export function where(condition: ArrayInput, ...xy: ArrayInput[]): NDArray | NDArray[] {
  if (xy.length === 0) return namingCaller('where', () => nonzero(condition));
  if (xy.length !== 2) throw new ValueError('either both or neither of x and y should be given');
  const [a, b] = xy;
  const temps = new Temporaries();
  try {
    let c = temps.keep(operand('where', condition), condition);
    let x = temps.keep(operand('where', a), a);
    let y = temps.keep(operand('where', b), b);
    const dtype = promoteOperands(a, b, x.dtype, y.dtype);
    if (c.dtype !== 'bool') c = temps.keep(fromData('where', c, 'bool'));
    if (x.dtype !== dtype) x = temps.keep(fromData('where', x, dtype));
    if (y.dtype !== dtype) y = temps.keep(fromData('where', y, dtype));
    const shape = broadcastShapes(c.dims, x.dims, y.dims);
    const out = NDArray.empty(shape, dtype, 'where');
    if (out.size > 0) {
      runElementwise(
        'where',
        dtype,
        shape,
        [c, x, y]
          .map((o) => stridedOf(o, broadcastStrides(o.dims, o.elementStrides, shape)))
          .concat([stridedOf(out)]),
      );
    }
    return out;
  } finally {
    temps.dispose();
  }
}

/** all / any: the truth values reduced with min / max (NumPy's logical_and / logical_or.reduce). */
function truthReduction(name: 'all' | 'any') {
  return (x: ArrayInput, axis?: AxisArgument): NDArray | boolean => {
    const read = readAxisArgument(name, axis);
    const temps = new Temporaries();
    try {
      let input = temps.keep(operand(name, x), x);
      const { axes, keepdims } = resolveAxes(name, read, input.ndim, true);
      if (input.dtype !== 'bool') input = temps.keep(fromData(name, input, 'bool'));
      let count = 1;
      for (const a of axes) count *= input.dims[a];
      if (count === 0) {
        // The identity: all of nothing is true, any of nothing false.
        const shape = input.dims.flatMap((d, i) =>
          axes.includes(i) ? (keepdims ? [1] : []) : [d],
        );
        const out = NDArray.empty(shape, 'bool', name);
        out.set('...', name === 'all');
        if (shape.length > 0) return out;
        temps.keep(out);
        return name === 'all';
      }
      const result = reduce(name, name === 'all' ? 'min' : 'max', input, axes, keepdims);
      return typeof result === 'number' ? result !== 0 : result;
    } finally {
      temps.dispose();
    }
  };
}

/** np.all: whether every element (along the given axes) is true. */
export const all = truthReduction('all');
/** np.any: whether any element (along the given axes) is true. */
export const any = truthReduction('any');

export interface CloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
}

function closeOptions(fn: string, options: CloseOptions | undefined) {
  const {
    rtol = 1e-5,
    atol = 1e-8,
    equalNan = false,
  } = checkOptions(fn, options, ['rtol', 'atol', 'equalNan']);
  for (const [name, value] of [
    ['rtol', rtol],
    ['atol', atol],
  ] as const) {
    if (typeof value !== 'number') {
      throw new TypeError(`${fn}: ${name} must be a number, got ${describe(value)}`);
    }
  }
  return { rtol, atol, equalNan: checkBoolean(fn, 'equalNan', equalNan) };
}

/**
 * np.isclose: (|a - b| <= atol + rtol * |b| and b finite) or a == b, elementwise, composed of
 * the ufuncs exactly as NumPy writes it (b in float64 when it is an int; NaN is close to NaN
 * only with equalNan).
 */
export function isclose(a: ArrayInput, b: ArrayInput, options?: CloseOptions): NDArray {
  const { rtol, atol, equalNan } = closeOptions('isclose', options);
  const temps = new Temporaries();
  const t = <T extends NDArray | number | boolean>(v: T): T => {
    if (v instanceof NDArray) temps.keep(v);
    return v;
  };
  try {
    const x = temps.keep(operand('isclose', a), a);
    let y = temps.keep(operand('isclose', b), b);
    if (!isFloat(y.dtype)) y = t(fromData('isclose', y, 'float64'));
    const tolerance = t(add(atol, t(multiply(rtol, t(abs(y))))));
    const near = t(lessEqual(t(abs(t(subtract(x, y)))), tolerance));
    let result = logicalOr(t(logicalAnd(near, t(isfinite(y)))), t(equal(x, y)));
    if (equalNan) {
      const nans = t(logicalAnd(t(isnan(x)), t(isnan(y))));
      result = logicalOr(t(result), nans);
    }
    return result;
  } finally {
    temps.dispose();
  }
}

/** np.allclose: whether every element of a and b is close (np.isclose); a JS boolean. */
export function allclose(a: ArrayInput, b: ArrayInput, options?: CloseOptions): boolean {
  const close = namingCaller('allclose', () => isclose(a, b, options));
  try {
    return all(close) as boolean;
  } finally {
    close.dispose();
  }
}

/** np.array_equal: same shape and equal elements (NaN equal to NaN with equalNan); a JS boolean. */
export function arrayEqual(
  a: ArrayInput,
  b: ArrayInput,
  options?: { equalNan?: boolean },
): boolean {
  const { equalNan = false } = checkOptions('arrayEqual', options, ['equalNan']);
  checkBoolean('arrayEqual', 'equalNan', equalNan);
  const temps = new Temporaries();
  try {
    const x = temps.keep(operand('arrayEqual', a), a);
    const y = temps.keep(operand('arrayEqual', b), b);
    if (x.ndim !== y.ndim || x.dims.some((d, i) => d !== y.dims[i])) return false;
    const same = temps.keep(equal(x, y));
    if (equalNan) {
      const both = temps.keep(logicalAnd(temps.keep(isnan(x)), temps.keep(isnan(y))));
      return all(temps.keep(logicalOr(same, both))) as boolean;
    }
    return all(same) as boolean;
  } finally {
    temps.dispose();
  }
}
