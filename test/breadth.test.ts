// The functions of DESIGN.md's "Beyond the lesson" against NumPy's results
// (test/fixtures/breadth.json, written by generate_breadth.py), on all three backends: values
// (exact, or within the case's ulps), shapes, dtypes, JS values for NumPy's scalars, and errors.
import { afterAll, describe, expect, test } from 'vitest';
import np, { type Backend, NDArray } from '../src/index.js';
import {
  type FixtureArray,
  decodeValue,
  fixtureValues,
  flatValues,
  fromFixture,
  loadFixture,
} from './helpers.js';
import { ulpDistance } from './ulp.js';

type Arg =
  | { scalar: number | boolean | string }
  | { array: FixtureArray; transpose: boolean; reverse?: boolean }
  | { list: Arg[] }
  | { value: null | string };
type Expected = { scalar: number | boolean | string } | { list: FixtureArray[] } | FixtureArray;
interface Case {
  op: string;
  args: Arg[];
  options: Record<string, unknown>;
  tolerance: number;
  expected?: Expected;
  error?: { type: string; message: string };
}
const cases = loadFixture<Case[]>('breadth');

function buildArg(arg: Arg, made: NDArray[]): unknown {
  if ('scalar' in arg) return decodeValue(arg.scalar);
  if ('value' in arg) return arg.value;
  if ('list' in arg) return arg.list.map((a) => buildArg(a, made));
  const base = fromFixture(arg.array);
  made.push(base);
  if (!arg.transpose && !arg.reverse) return base;
  const view = arg.reverse ? (base.get('::-1') as NDArray) : base.T;
  made.push(view);
  return view;
}

type Fn = (...args: unknown[]) => unknown;

function call(c: Case, args: unknown[]): unknown {
  const withOptions = Object.keys(c.options).length > 0 ? [...args, c.options] : args;
  if (c.op === 'svd') return (np.linalg.svd as Fn)(...withOptions);
  return (np as unknown as Record<string, Fn>)[c.op](...withOptions);
}

/** Bit-identical, or within the case's ulps for float results. */
function close(got: number, want: number, dtype: string, tolerance: number): boolean {
  if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) return true;
  if (dtype !== 'float64' && dtype !== 'float32') return false;
  return tolerance > 0 && ulpDistance(got, want, dtype) <= tolerance;
}

/** svd's singular values: LAPACK's within a few ulps of the largest (tiny ones are its noise). */
function closeSingular(got: number[], want: number[], dtype: string, tolerance: number): void {
  const eps = dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  const scale = Math.max(...want.map(Math.abs), 0);
  want.forEach((w, i) => {
    const ok =
      close(got[i], w, dtype, tolerance) || Math.abs(got[i] - w) <= tolerance * eps * scale;
    if (!ok) expect.fail(`singular value ${i}: got ${got[i]}, expected ${w}`);
  });
}

function expectArray(result: unknown, expected: FixtureArray, c: Case): void {
  expect(result).toBeInstanceOf(NDArray);
  const array = result as NDArray;
  expect(array.dtype).toBe(expected.dtype);
  expect([...array.shape]).toEqual(expected.shape);
  const got = flatValues(array);
  const want = fixtureValues(expected);
  if (c.op === 'svd') {
    closeSingular(got, want, array.dtype, c.tolerance);
    return;
  }
  for (let i = 0; i < want.length; i++) {
    if (!close(got[i], want[i], array.dtype, c.tolerance)) {
      expect.fail(`element ${i}: got ${got[i]}, expected ${want[i]}`);
    }
  }
}

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
afterAll(() => np.setBackend('wasm-simd'));

describe.each(backends)('NumPy breadth fixtures on the %s backend', (backend) => {
  test('at least 400 cases, errors among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((c) => c.error).length).toBeGreaterThanOrEqual(40);
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
      const results = Array.isArray(result) ? result : [result];
      for (const r of results) if (r instanceof NDArray) made.push(r);
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
        const want = decodeValue(expected.scalar);
        if (typeof expected.scalar === 'boolean') {
          expect(result).toBe(expected.scalar);
          return;
        }
        expect(typeof result).toBe('number');
        const kind = c.args.some((a) => 'array' in a && a.array.dtype === 'float32')
          ? 'float32'
          : 'float64';
        expect(
          close(result as number, want, kind, c.tolerance),
          `${String(result)} vs ${want}`,
        ).toBe(true);
        return;
      }
      if ('list' in expected) {
        expect(Array.isArray(result)).toBe(true);
        const list = result as unknown[];
        expect(list.length).toBe(expected.list.length);
        list.forEach((r, i) => expectArray(r, expected.list[i], c));
        return;
      }
      expectArray(result, expected, c);
    } finally {
      made.forEach((m) => m.dispose());
      expect(np.memory().arrays).toBe(before);
    }
  });
});

function describeArg(a: Arg): string {
  if ('scalar' in a) return String(a.scalar);
  if ('value' in a) return String(a.value);
  if ('list' in a) return `[${a.list.map(describeArg).join(', ')}]`;
  return `${a.array.dtype}(${a.array.shape})${a.transpose ? '.T' : ''}`;
}
