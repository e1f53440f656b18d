// Shared test helpers: fixtures written by test/fixtures/generate.py, and exact comparisons.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import np, { type DType, NDArray } from '../src/index.js';

/** An array as the fixture generator writes it (specials as strings). */
export interface FixtureArray {
  dtype: DType;
  shape: number[];
  /** Small arrays: values (specials as strings). */
  data?: (number | boolean | string)[];
  /** Large arrays: base64 of the little-endian bytes. */
  base64?: string;
}

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

export function decodeValue(value: number | boolean | string): number {
  if (typeof value === 'string') return SPECIAL[value];
  return Number(value);
}

const STORAGE = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  bool: Uint8Array,
};

/** The fixture's values in C order. */
export function fixtureValues(fixture: FixtureArray): number[] {
  if (fixture.data) return fixture.data.map(decodeValue);
  const bytes = Buffer.from(fixture.base64!, 'base64');
  const copy = new Uint8Array(bytes); // aligned
  return Array.from(new STORAGE[fixture.dtype](copy.buffer));
}

/** The fixture as an NDArray of its dtype and shape. */
export function fromFixture(fixture: FixtureArray): NDArray {
  const values = fixtureValues(fixture);
  const flat = np.array(values, { dtype: fixture.dtype });
  try {
    return flat.reshape(fixture.shape);
  } finally {
    flat.dispose();
  }
}

/** Flat values in C order, booleans as 0/1. */
export function flatValues(x: NDArray): number[] {
  const values: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else values.push(Number(v));
  };
  walk(x.toArray());
  return values;
}

/** Same dtype, same shape, and bit-identical values (NaN equals NaN, -0 differs from 0). */
export function expectSameArray(actual: NDArray, expected: FixtureArray): void {
  expect(actual.dtype).toBe(expected.dtype);
  expect([...actual.shape]).toEqual(expected.shape);
  const got = flatValues(actual);
  const want = fixtureValues(expected);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) {
      expect.fail(`element ${i}: got ${got[i]}, expected ${want[i]}`);
    }
  }
}
