// Every op of DESIGN.md against NumPy's results (test/fixtures/operations.json), on all three
// backends: values (exact, or within NumPy's ULP tolerances), shapes, dtypes and errors.
import { afterAll, describe, expect, test } from 'vitest';
import np, { type ArrayInput, type Backend, NDArray } from '../src/index.js';
import {
  type FixtureArray,
  decodeValue,
  fixtureValues,
  flatValues,
  fromFixture,
  loadFixture,
} from './helpers.js';
import { ulpDistance } from './ulp.js';

type Arg = { scalar: number | boolean | string } | { array: FixtureArray; transpose: boolean };
interface OpCase {
  op: string;
  args: Arg[];
  options: Record<string, unknown>;
  tolerance: number;
  expected?: { scalar: number | boolean | string } | FixtureArray;
  error?: { type: string; message: string };
}
const cases = loadFixture<OpCase[]>('operations');

function buildArg(arg: Arg, made: NDArray[]): ArrayInput {
  if ('scalar' in arg) return decodeValue(arg.scalar);
  const base = fromFixture(arg.array);
  made.push(base);
  if (!arg.transpose) return base;
  const view = base.T;
  made.push(view);
  return view;
}

function decodeOptions(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    out[key] = value === 'inf' ? Infinity : value === '-inf' ? -Infinity : value;
  }
  return out;
}

function call(c: OpCase, args: ArrayInput[]): unknown {
  const options = decodeOptions(c.options);
  const fn = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[c.op];
  switch (c.op) {
    case 'sum':
    case 'mean':
    case 'max':
    case 'min':
    case 'argmax':
      return fn(args[0], options);
    case 'norm':
      return np.linalg.norm(args[0], options);
    default:
      return fn(...args);
  }
}

/** dot, matmul and norm sum in another order than NumPy's BLAS: compare as allclose. */
const REORDERED = new Set(['dot', 'matmul', 'norm']);

function close(got: number, want: number, c: OpCase, kind: string): boolean {
  if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) return true;
  if (kind !== 'float64' && kind !== 'float32') return false;
  if (REORDERED.has(c.op)) {
    const rtol = kind === 'float64' ? 1e-12 : 1e-5;
    return (
      Math.abs(got - want) <= rtol * Math.max(1, Math.abs(want)) ||
      ulpDistance(got, want, kind) <= c.tolerance
    );
  }
  return ulpDistance(got, want, kind) <= c.tolerance;
}

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
afterAll(() => np.setBackend('wasm-simd'));

describe.each(backends)('NumPy fixtures on the %s backend', (backend) => {
  test('at least 300 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  test.each(
    cases.map((c, i) => ({
      ...c,
      name: `${i} ${c.op}(${c.args.map(describeArg).join(', ')}) ${JSON.stringify(c.options)}`,
    })),
  )('$name', (c) => {
    np.setBackend(backend);
    const made: NDArray[] = [];
    const before = np.memory().arrays;
    try {
      const args = c.args.map((a) => buildArg(a, made));
      let result: unknown;
      let thrown: unknown;
      try {
        result = call(c, args);
      } catch (error) {
        thrown = error;
      }
      if (result instanceof NDArray) made.push(result);
      if (c.error) {
        expect(thrown, 'expected an error').toBeInstanceOf(Error);
        const error = thrown as Error;
        expect(error.name).toBe(c.error.type);
        // TypeErrors name the function and the value in this library's words; the rest are NumPy's.
        if (c.error.type !== 'TypeError') {
          expect(
            error.message.endsWith(c.error.message),
            `${error.message} vs ${c.error.message}`,
          ).toBe(true);
        }
        return;
      }
      if (thrown) throw thrown;
      const expected = c.expected!;
      if ('scalar' in expected) {
        expect(typeof result).toBe('number');
        const want = decodeValue(expected.scalar);
        const kind = c.args.some((a) => 'array' in a && a.array.dtype === 'float32')
          ? 'float32'
          : 'float64';
        expect(close(result as number, want, c, kind), `${result} vs ${want}`).toBe(true);
        return;
      }
      expect(result).toBeInstanceOf(NDArray);
      const array = result as NDArray;
      expect(array.dtype).toBe(expected.dtype);
      expect([...array.shape]).toEqual(expected.shape);
      const got = flatValues(array);
      const want = fixtureValues(expected);
      for (let i = 0; i < want.length; i++) {
        if (!close(got[i], want[i], c, array.dtype))
          expect.fail(`element ${i}: got ${got[i]}, expected ${want[i]}`);
      }
    } finally {
      made.forEach((m) => m.dispose());
      expect(np.memory().arrays).toBe(before);
    }
  });
});

function describeArg(a: Arg): string {
  if ('scalar' in a) return String(a.scalar);
  return `${a.array.dtype}(${a.array.shape})${a.transpose ? '.T' : ''}`;
}

// k = 0 with columns enough for the SIMD paths (NumPy: all zeros); the fixtures' empty products
// have too few columns to reach them.
describe.each(backends)('an empty inner dimension on the %s backend', (backend) => {
  test.each(['float64', 'float32', 'int32'] as const)('(3, 0) @ (0, 9) is zeros in %s', (dtype) => {
    np.setBackend(backend);
    // Empty arrays still take a 64-byte block: reuse two that hold 7.5s, so that a kernel that
    // read A or B here would show it.
    const dirty = [np.full([8], 7.5), np.full([8], 7.5)];
    dirty.forEach((d) => d.dispose());
    using a = np.ones([3, 0], { dtype });
    using b = np.ones([0, 9], { dtype });
    using product = np.matmul(a, b) as NDArray;
    expect(product.shape).toEqual([3, 9]);
    expect(product.toArray()).toEqual(Array.from({ length: 3 }, () => new Array(9).fill(0)));
  });
});
