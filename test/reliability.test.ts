// Bad input never corrupts memory or other arrays; ownership holds under stress; kernels never
// write outside their arrays (guard bytes); numerical edges behave as NumPy's.
import { fc, test as fcTest } from '@fast-check/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import np, { type Backend, NDArray, nn } from '../src/index.js';
import { checkGuards, setGuards } from '../src/memory.js';
import { flatValues } from './helpers.js';

type ErrorName =
  'TypeError' | 'ValueError' | 'AxisError' | 'IndexError' | 'LinAlgError' | 'RangeError' | 'Error';

// [what, call, error class name, message (exact)]
const a = np.arange(6).reshape(2, 3);
const emptyRows = np.zeros([0, 3]);
const cube = np.zeros([2, 2, 2]);
const BAD_INPUT: [string, () => unknown, ErrorName, string][] = [
  [
    'array of a string',
    () => np.array('abc' as never),
    'TypeError',
    'array: cannot make an array from "abc"',
  ],
  [
    'array of null',
    () => np.array(null as never),
    'TypeError',
    'array: cannot make an array from null',
  ],
  [
    'array of undefined',
    () => np.array(undefined as never),
    'TypeError',
    'array: cannot make an array from undefined',
  ],
  [
    'array of a plain object',
    () => np.array({} as never),
    'TypeError',
    'array: cannot make an array from an object',
  ],
  [
    'array with a string element',
    () => np.array([1, 'a'] as never),
    'TypeError',
    'array: could not convert "a" to a number',
  ],
  [
    'array with a null element',
    () =>
      np.array([
        [1, 2],
        [3, null],
      ] as never),
    'TypeError',
    'array: could not convert null to a number',
  ],
  [
    'array with a bigint element',
    () => np.array([1n] as never),
    'TypeError',
    'array: could not convert 1n to a number',
  ],
  [
    'array of a function',
    () => np.array((() => 1) as never),
    'TypeError',
    'array: cannot make an array from a function',
  ],
  [
    'ragged data',
    () => np.array([[1, 2], [3]]),
    'ValueError',
    'array: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.',
  ],
  [
    'ragged deeper',
    () =>
      np.array([
        [[1], [2]],
        [[3], 4],
      ] as never),
    'ValueError',
    'array: setting an array element with a sequence. The requested array has an inhomogeneous shape after 2 dimensions. The detected shape was (2, 2) + inhomogeneous part.',
  ],
  [
    'unknown dtype',
    () => np.array([1], { dtype: 'int64' as never }),
    'TypeError',
    'array: data type "int64" not understood (expected one of float64, float32, int32, bool)',
  ],
  [
    'unknown option',
    () => np.array([1], { dtyp: 'float64' } as never),
    'TypeError',
    "array() got an unexpected keyword argument 'dtyp'",
  ],
  [
    'NaN dimension',
    () => np.zeros([NaN]),
    'TypeError',
    'zeros: expected a sequence of integers or a single integer, got NaN',
  ],
  [
    'negative dimension',
    () => np.zeros([2, -3]),
    'ValueError',
    'zeros: negative dimensions are not allowed',
  ],
  [
    'fractional dimension',
    () => np.zeros([1.5]),
    'TypeError',
    'zeros: expected a sequence of integers or a single integer, got 1.5',
  ],
  [
    'string shape',
    () => np.zeros('3' as never),
    'TypeError',
    'zeros: shape must be a number or an array of numbers, got "3"',
  ],
  [
    'null shape',
    () => np.zeros(null as never),
    'TypeError',
    'zeros: shape must be a number or an array of numbers, got null',
  ],
  [
    'string fill value',
    () => np.full([2], 'x' as never),
    'TypeError',
    'full: fill value must be a number or boolean, got "x"',
  ],
  [
    'unknown dtype for empty',
    () => np.empty([2], { dtype: 'complex' as never }),
    'TypeError',
    'empty: data type "complex" not understood (expected one of float64, float32, int32, bool)',
  ],
  [
    'arange of a string',
    () => np.arange('5' as never),
    'TypeError',
    'arange: start must be a number, got "5"',
  ],
  ['arange with step 0', () => np.arange(0, 5, 0), 'RangeError', 'arange: step must not be zero'],
  [
    'linspace of -1 samples',
    () => np.linspace(0, 1, -1),
    'ValueError',
    'linspace: Number of samples, -1, must be non-negative.',
  ],
  [
    'linspace unknown option',
    () => np.linspace(0, 1, 5, { endPoint: false } as never),
    'TypeError',
    "linspace() got an unexpected keyword argument 'endPoint'",
  ],
  [
    'reshape mismatch',
    () => a.reshape(4, 2),
    'ValueError',
    'cannot reshape array of size 6 into shape (4,2)',
  ],
  [
    'reshape with two -1',
    () => a.reshape(-1, -1),
    'ValueError',
    'can only specify one unknown dimension',
  ],
  [
    'reshape fractional',
    () => a.reshape(2.5, 2),
    'TypeError',
    'reshape: 2.5 cannot be interpreted as an integer dimension',
  ],
  ['transpose repeated axis', () => a.transpose(0, 0), 'ValueError', 'repeated axis in transpose'],
  ['transpose wrong count', () => a.transpose(0), 'ValueError', "axes don't match array"],
  [
    'transpose axis out of range',
    () => a.transpose(0, 2),
    'AxisError',
    'axis 2 is out of bounds for array of dimension 2',
  ],
  [
    'index out of range',
    () => a.get(2, 0),
    'IndexError',
    'index 2 is out of bounds for axis 0 with size 2',
  ],
  [
    'too many indices',
    () => a.get(0, 0, 0),
    'IndexError',
    'too many indices for array: array is 2-dimensional, but 3 were indexed',
  ],
  [
    'fractional index',
    () => a.get(0.5),
    'IndexError',
    'get: 0.5 is not a valid index: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices',
  ],
  [
    'item of many',
    () => a.item(),
    'ValueError',
    'can only convert an array of size 1 to a Python scalar',
  ],
  [
    'astype to an unknown dtype',
    () => a.astype('float16' as never),
    'TypeError',
    'astype: data type "float16" not understood (expected one of float64, float32, int32, bool)',
  ],
  [
    'shapes that do not broadcast',
    () => np.add(a, [1, 2]),
    'ValueError',
    'operands could not be broadcast together with shapes (2,3) (2,) ',
  ],
  [
    'add a string',
    () => np.add(a, 'x' as never),
    'TypeError',
    'add: cannot make an array from "x"',
  ],
  ['add null', () => np.add(null as never, a), 'TypeError', 'add: cannot make an array from null'],
  [
    'subtract bools',
    () => np.subtract([true], [false]),
    'TypeError',
    'subtract: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
  ],
  [
    'negative of bools',
    () => np.negative([true]),
    'TypeError',
    'negative: The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
  ],
  [
    'negative integer power',
    () => np.power([2, 3], -1),
    'ValueError',
    'Integers to negative integer powers are not allowed.',
  ],
  [
    'sum over axis 2 of 2-D',
    () => np.sum(a, 2),
    'AxisError',
    'axis 2 is out of bounds for array of dimension 2',
  ],
  [
    'sum over axis -3 of 2-D',
    () => np.sum(a, -3),
    'AxisError',
    'axis -3 is out of bounds for array of dimension 2',
  ],
  ['sum over a repeated axis', () => np.sum(a, [1, -1]), 'ValueError', "duplicate value in 'axis'"],
  ['fractional axis', () => np.sum(a, 0.5), 'TypeError', 'sum: axis must be an integer, got 0.5'],
  [
    'sum unknown option',
    () => np.sum(a, { axes: 0 } as never),
    'TypeError',
    "sum() got an unexpected keyword argument 'axes'",
  ],
  [
    'keepdims not boolean',
    () => np.sum(a, { keepdims: 1 } as never),
    'TypeError',
    'sum: keepdims must be a boolean, got 1',
  ],
  [
    'max of nothing',
    () => np.max([]),
    'ValueError',
    'zero-size array to reduction operation maximum which has no identity',
  ],
  [
    'min of nothing along an axis',
    () => np.min(emptyRows, 0),
    'ValueError',
    'zero-size array to reduction operation minimum which has no identity',
  ],
  [
    'argmax of nothing',
    () => np.argmax([]),
    'ValueError',
    'attempt to get argmax of an empty sequence',
  ],
  [
    'argmax axis out of range',
    () => np.argmax(a, 5),
    'AxisError',
    'axis 5 is out of bounds for array of dimension 2',
  ],
  [
    'dot of unaligned matrices',
    () => np.dot(a, a),
    'ValueError',
    'shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)',
  ],
  [
    'dot of unequal vectors',
    () => np.dot([1, 2, 3], [1, 2]),
    'ValueError',
    'shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)',
  ],
  [
    'matmul of a scalar',
    () => np.matmul(2, a),
    'ValueError',
    'matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)',
  ],
  [
    'matmul of unaligned matrices',
    () => np.matmul(a, a),
    'ValueError',
    'matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)',
  ],
  [
    'matrix norm of order 3',
    () => np.linalg.norm(a, { ord: 3 }),
    'ValueError',
    'Invalid norm order for matrices.',
  ],
  [
    "vector norm of order 'fro'",
    () => np.linalg.norm([1, 2], { ord: 'fro' }),
    'ValueError',
    "Invalid norm order 'fro' for vectors",
  ],
  [
    'norm of 3-D with an order',
    () => np.linalg.norm(cube, { ord: 1 }),
    'ValueError',
    'Improper number of dimensions to norm.',
  ],
  [
    'norm over a repeated axis',
    () => np.linalg.norm(a, { axis: [0, 0] }),
    'ValueError',
    'Duplicate axes given.',
  ],
  [
    'norm axis out of range',
    () => np.linalg.norm(a, { axis: 2 }),
    'AxisError',
    'axis 2 is out of bounds for array of dimension 2',
  ],
  [
    'svd of a vector',
    () => np.linalg.svd([1, 2]),
    'LinAlgError',
    'svd: 1-dimensional array given. Array must be at least two-dimensional',
  ],
  [
    'unknown norm order',
    () => np.linalg.norm(a, { ord: 'max' as never }),
    'ValueError',
    'Invalid norm order "max"',
  ],
  [
    'norm unknown option',
    () => np.linalg.norm(a, { order: 2 } as never),
    'TypeError',
    "norm() got an unexpected keyword argument 'order'",
  ],
  [
    'basicSigmoid of an array',
    () => nn.basicSigmoid([1] as never),
    'TypeError',
    'basicSigmoid: must be a real number, not array',
  ],
  [
    'image2vector of 2-D',
    () => nn.image2vector(a),
    'ValueError',
    'image2vector: expected a 3-D array (height, width, channels), got shape (2,3)',
  ],
  [
    'softmax axis out of range',
    () => nn.softmax(a, { axis: 2 }),
    'AxisError',
    'axis 2 is out of bounds for array of dimension 2',
  ],
  [
    'normalizeRows of 1-D',
    () => nn.normalizeRows([1, 2]),
    'AxisError',
    'axis 1 is out of bounds for array of dimension 1',
  ],
  [
    'l1 of mismatched shapes',
    () => nn.l1([1, 2, 3], [1, 2]),
    'ValueError',
    'operands could not be broadcast together with shapes (2,) (3,) ',
  ],
  [
    'leakyRelu alpha not a number',
    () => nn.leakyRelu(a, { alpha: 'x' as never }),
    'TypeError',
    'leakyRelu: alpha must be a number, got "x"',
  ],
  [
    'unknown backend',
    () => np.setBackend('gpu' as never),
    'TypeError',
    'setBackend: unknown backend "gpu" (expected wasm-simd, wasm, js)',
  ],
  [
    'negative print precision',
    () => np.setPrintOptions({ precision: -2 }),
    'ValueError',
    'setPrintOptions: precision must be >= 0, got -2',
  ],
  ['tidy of a non-function', () => np.tidy(3 as never), 'TypeError', 'tidy: expected a function'],
  [
    'negative seed',
    () => np.random.defaultRng(-1),
    'ValueError',
    'defaultRng: expected non-negative integer',
  ],
  [
    'uniform low not a number',
    () => np.random.defaultRng(1).uniform('a' as never, 1, [2]),
    'TypeError',
    'uniform: low must be a number, got "a"',
  ],
  [
    'huge shape',
    () => np.ones([1e6, 1e6]),
    'RangeError',
    'ones: cannot allocate array of shape (1000000,1000000) and dtype float64: 8000000000000 bytes do not fit in wasm32 memory',
  ],
  ['disposed array', () => np.exp(disposed()), 'Error', 'exp: this array was disposed'],
  [
    'disposed array in a binary op',
    () => np.add(a, disposed()),
    'Error',
    'add: this array was disposed',
  ],
  [
    'disposed array reshaped',
    () => disposed().reshape(3),
    'Error',
    'reshape: this array was disposed',
  ],
];

function disposed(): NDArray {
  const x = np.ones([3]);
  x.dispose();
  return x;
}

describe('bad input', () => {
  const bystanders = [
    np.arange(10),
    np.linspace(0, 1, 7, { dtype: 'float32' }),
    np.full([2, 2], true),
  ];
  const values = bystanders.map(flatValues);

  test('the table holds at least 60 calls', () => {
    expect(BAD_INPUT.length).toBeGreaterThanOrEqual(60);
  });

  test.each(BAD_INPUT.map(([what, call, name, message]) => ({ what, call, name, message })))(
    '$what: $name',
    ({ call, name, message }) => {
      const before = np.memory();
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      const error = thrown as Error;
      expect(error.name).toBe(name === 'Error' ? 'Error' : name);
      expect(error.message.startsWith(message), error.message).toBe(true);
      const after = np.memory();
      expect(after.arrays).toBe(before.arrays);
      expect(after.bytes).toBe(before.bytes);
      bystanders.forEach((b, i) => expect(flatValues(b)).toEqual(values[i]));
      expect(np.getBackend()).toBe('wasm-simd');
      expect(np.getPrintOptions().precision).toBe(8);
    },
  );
});

describe('ownership under stress', () => {
  test('a soak of 1,000,000 mixed operations keeps the heap bounded and frees everything', () => {
    const before = np.memory();
    const rng = np.random.defaultRng(5);
    let heapAfterWarmup = 0;
    const ROUNDS = 100_000; // ten operations a round
    for (let round = 0; round < ROUNDS; round++) {
      np.tidy(() => {
        const n = 1 + (round % 97);
        const x = rng.standardNormal([n]);
        const y = x.reshape(1, n).T; // a view
        const z = np.add(np.exp(np.negative(np.abs(x))), 1);
        np.sum(np.multiply(y, 2), 0);
        nn.softmax(z);
        if (round % 3 === 0) np.dot(x, x);
        else nn.l2(x, z);
        return undefined;
      });
      if (round === 1000) heapAfterWarmup = np.memory().heapBytes;
    }
    const after = np.memory();
    expect(after.arrays).toBe(before.arrays);
    expect(after.bytes).toBe(before.bytes);
    expect(after.heapBytes).toBe(heapAfterWarmup);
  });

  test('memory growth in the middle of an op never leaves a stale view', () => {
    // Inputs made while the heap is small; the op's output forces the memory to grow.
    using x = np.linspace(-3, 3, 1001);
    using y = np.linspace(0, 1, 1001);
    const values = flatValues(x);
    const heapBefore = np.memory().heapBytes;
    const filler: NDArray[] = [];
    while (np.memory().heapBytes === heapBefore) filler.push(np.empty([4096]));
    filler.pop()!.dispose(); // a block at the top is free again: the next big output must grow
    using big = np.add(np.zeros([4_000_000]), 1);
    using z = np.add(x, y);
    expect(np.memory().heapBytes).toBeGreaterThan(heapBefore);
    expect(flatValues(x)).toEqual(values);
    expect((z.data as Float64Array)[1000]).toBe(4);
    expect(big.get(3_999_999)).toBe(1);
    filler.forEach((f) => f.dispose());
  });

  test('disposing a base that views still use frees nothing under them', () => {
    const base = np.arange(100, { dtype: 'float64' });
    const view = base.reshape(10, 10).T;
    base.dispose();
    using other = np.full([100], -1); // would reuse the block if it had been freed
    expect(view.get(3, 2)).toBe(23);
    expect(np.sum(view)).toBe(4950);
    expect(other.get(0)).toBe(-1);
    view.dispose();
  });
});

describe('fuzzing with guard bytes: no kernel writes outside its arrays', () => {
  beforeAll(() => setGuards(true));
  afterAll(() => {
    setGuards(false);
    np.setBackend('wasm-simd');
  });
  afterEach(() => expect(checkGuards()).toEqual([]));

  const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
  const shapeArb = fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 3 });
  const opArb = fc.constantFrom(
    'exp',
    'log',
    'sqrt',
    'tanh',
    'abs',
    'square',
    'negative',
    'add',
    'multiply',
    'divide',
    'maximum',
    'sum0',
    'sumAll',
    'max0',
    'mean1',
    'argmax',
    'dotT',
    'matmul',
    'norm',
    'sigmoid',
    'sigmoidDerivative',
    'softmax',
    'logSoftmax',
    'normalizeRows',
    'l1',
    'l2',
  );

  function run(op: string, x: NDArray, y: NDArray): NDArray | number {
    const last = Math.max(0, x.ndim - 1);
    switch (op) {
      case 'add':
      case 'multiply':
      case 'divide':
      case 'maximum':
        return np[op](x, y);
      case 'sum0':
        return np.sum(x, 0);
      case 'sumAll':
        return np.sum(x);
      case 'max0':
        return x.shape[0] === 0 ? 0 : np.max(x, 0);
      case 'mean1':
        return np.mean(x, { axis: last, keepdims: true });
      case 'argmax':
        return x.shape[last] === 0 ? 0 : np.argmax(x, last);
      case 'dotT':
        return x.ndim === 2 ? (np.dot(x, x.T) as NDArray | number) : np.dot(x.ravel(), x.ravel());
      case 'matmul':
        return x.ndim === 2
          ? (np.matmul(x.T, x) as NDArray | number)
          : np.matmul(x.ravel(), x.ravel());
      case 'norm':
        return np.linalg.norm(x, { axis: last });
      case 'normalizeRows':
        return x.ndim === 2 ? nn.normalizeRows(x) : nn.sigmoid(x);
      case 'l1':
      case 'l2':
        return nn[op](x, y);
      case 'sigmoid':
      case 'sigmoidDerivative':
      case 'softmax':
      case 'logSoftmax':
        return (nn[op] as (v: NDArray) => NDArray)(x);
      default:
        return (np[op as 'exp'] as (v: NDArray) => NDArray)(x);
    }
  }

  fcTest.prop(
    [
      opArb,
      shapeArb,
      fc.constantFrom('float64' as const, 'float32' as const),
      fc.boolean(),
      fc.integer(),
    ],
    { numRuns: 300 },
  )(
    'random ops, shapes, dtypes and views agree with the js backend',
    (op, shape, dtype, transpose, seed) => {
      const rng = np.random.defaultRng(Math.abs(seed));
      const base = rng.standardNormal(shape, { dtype });
      const other = rng.standardNormal(shape, { dtype });
      const x = transpose && base.ndim === 2 ? base.T : base;
      const y = transpose && other.ndim === 2 ? other.T : other;
      try {
        const results = backends.map((backend) => {
          np.setBackend(backend);
          const result = run(op, x, y);
          expect(checkGuards()).toEqual([]);
          if (typeof result === 'number') return [result];
          const values = flatValues(result);
          result.dispose();
          return values;
        });
        const tolerance = dtype === 'float64' ? 1e-12 : 1e-5;
        for (let i = 0; i < results[2].length; i++) {
          for (const r of [results[0], results[1]]) {
            const [got, want] = [r[i], results[2][i]];
            if (Number.isNaN(want)) expect(got).toBeNaN();
            else
              expect(Math.abs(got - want)).toBeLessThanOrEqual(
                tolerance * Math.max(1, Math.abs(want)),
              );
          }
        }
      } finally {
        [x, y, base, other].forEach((v) => v.dispose());
      }
    },
  );
});

describe('numerical edges', () => {
  test('NaN passes through every elementwise op and reduction', () => {
    using x = np.array([1, NaN, 3]);
    for (const op of ['exp', 'log', 'sqrt', 'tanh', 'abs', 'square', 'negative'] as const) {
      using y = np[op](x);
      expect(Number.isNaN(y.get(1) as number), op).toBe(true);
    }
    for (const op of ['sum', 'mean', 'max', 'min'] as const) expect(np[op](x), op).toBeNaN();
    expect(np.argmax(x)).toBe(1);
    using s = nn.sigmoid(x);
    expect(s.get(1)).toBeNaN();
  });

  test('-0 as NumPy: the sum of [-0, -0] is 0; negative(0) is -0', () => {
    expect(Object.is(np.sum([-0, -0]), 0)).toBe(true);
    using n = np.negative(np.zeros([2]));
    expect(Object.is(n.get(0), -0)).toBe(true);
    using m = np.maximum([-0], [0]);
    expect(Object.is(m.get(0), 0)).toBe(true);
    expect(String(np.array([-0, 0]))).toBe('[-0.  0.]');
  });

  test('overflow, underflow and subnormals', () => {
    using e = np.exp([710, -746, -740, 709]);
    expect(e.toArray()).toEqual([Infinity, 0, Math.exp(-740), Math.exp(709)]);
    expect(np.sum([1e308, 1e308])).toBe(Infinity);
    using t = np.multiply([1e-310, 1e-310], [1e-10, 1e-20]);
    expect(t.toArray()).toEqual([1e-310 * 1e-10, 0]); // gradual underflow, then 0
    using sub = np.multiply([2.2250738585072014e-308], 0.5);
    expect(sub.get(0)).toBe(1.1125369292536007e-308);
  });

  test('0/0 is nan and 1/0 is inf, int division included', () => {
    using d = np.divide([0, 1, -1], [0, 0, 0]);
    expect(d.toArray()).toEqual([NaN, Infinity, -Infinity]);
    expect(d.dtype).toBe('float64');
  });

  test('empty reductions: sum of nothing is 0, mean is nan, max has no identity', () => {
    expect(np.sum([])).toBe(0);
    expect(np.mean([])).toBeNaN();
    using s = np.sum(np.zeros([0, 3]), 0) as NDArray;
    expect(s.toArray()).toEqual([0, 0, 0]);
    expect(() => np.max([])).toThrow(
      'zero-size array to reduction operation maximum which has no identity',
    );
  });
});
