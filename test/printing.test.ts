import { afterEach, describe, expect, test } from 'vitest';
import { inspect } from 'node:util';
import np, { type PrintOptions } from '../src/index.js';
import { type FixtureArray, fromFixture, loadFixture } from './helpers.js';

interface PrintCase {
  input: FixtureArray;
  options: Partial<PrintOptions>;
  str: string;
  repr: string;
}
const cases = loadFixture<PrintCase[]>('printing');

afterEach(() => np.resetPrintOptions());

describe('String(x) and np.arrayRepr(x) match NumPy byte for byte', () => {
  test('there are at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  test.each(
    cases.map((c, i) => ({
      ...c,
      name: `${i}: ${c.input.dtype} (${c.input.shape}) ${JSON.stringify(c.options)}`,
    })),
  )('$name', ({ input, options, str, repr }) => {
    using x = fromFixture(input);
    np.printOptions(options, () => {
      expect(String(x)).toBe(str);
      // The one documented deviation: an empty int32 array names its own dtype, not int64.
      expect(np.arrayRepr(x)).toBe(repr.replace('dtype=int64', 'dtype=int32'));
    });
  });
});

describe('print options', () => {
  test('setPrintOptions changes only the given keys; getPrintOptions reads them', () => {
    np.setPrintOptions({ precision: 3 });
    expect(np.getPrintOptions()).toEqual({
      precision: 3,
      suppress: false,
      linewidth: 75,
      threshold: 1000,
      edgeitems: 3,
    });
    using x = np.array([Math.PI, Math.E]);
    expect(String(x)).toBe('[3.142 2.718]');
  });

  test('printOptions applies for one call and restores, even when fn throws', () => {
    using x = np.array([Math.PI]);
    expect(np.printOptions({ precision: 2 }, () => String(x))).toBe('[3.14]');
    expect(() =>
      np.printOptions({ precision: 2 }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(String(x)).toBe('[3.14159265]');
  });

  test('unknown keys and bad values are rejected', () => {
    expect(() => np.setPrintOptions({ precison: 3 } as never)).toThrow(
      new TypeError("setPrintOptions() got an unexpected keyword argument 'precison'"),
    );
    expect(() => np.setPrintOptions({ precision: -1 })).toThrow(/precision must be >= 0/);
    expect(() => np.setPrintOptions({ linewidth: 1.5 })).toThrow(TypeError);
    expect(np.getPrintOptions().precision).toBe(8);
  });
});

describe('console.log and util.inspect', () => {
  test('show the str form', () => {
    using x = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(inspect(x)).toBe('[[1 2]\n [3 4]]');
  });
});
