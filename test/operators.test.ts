// JS operators on arrays (DESIGN.md, "JS operators"): string contexts print NumPy's str, numeric
// coercion of an array with dimensions throws a TypeError naming the functions to use, a 0-d
// array coerces to its value; and NumPy's spellings 'int' and 'float' as dtype names.
import { describe, expect, test } from 'vitest';
import np, { NDArray } from '../src/index.js';

describe('JS operators', () => {
  const x = np.array([
    [0.2, 0.7],
    [1.5, -3],
  ]);

  test("'A = ' + x, template literals and String(x) print NumPy's str", () => {
    expect('A2 = ' + x).toBe('A2 = [[ 0.2  0.7]\n [ 1.5 -3. ]]');
    expect(`${x}`).toBe('[[ 0.2  0.7]\n [ 1.5 -3. ]]');
    expect(String(x)).toBe(x.toString());
  });

  test.each([
    ['x > 0.5', () => (x as unknown as number) > 0.5],
    ['x * 2', () => (x as unknown as number) * 2],
    ['-x', () => -(x as unknown as number)],
    ['1 / x', () => 1 / (x as unknown as number)],
    ['Math.exp(x)', () => Math.exp(x as unknown as number)],
  ])('%s throws a TypeError naming the np functions', (_, use) => {
    expect(use).toThrow(TypeError);
    expect(use).toThrow(/cannot be used as a number.*np\.greater.*np\.multiply.*np\.negative/);
    expect(use).toThrow(/\(2,2\)/);
  });

  test('a 0-d array coerces to its value, and to its str in a string context', () => {
    using scalar = np.array(2.5);
    expect((scalar as unknown as number) * 2).toBe(5);
    expect((scalar as unknown as number) > 2).toBe(true);
    expect(`${scalar}`).toBe('2.5');
    using flag = np.array(true);
    expect(Number(flag)).toBe(1);
  });

  test('a disposed array says so instead of printing', () => {
    const y = np.ones(2);
    y.dispose();
    expect(() => `${y}`).toThrow('toString: this array was disposed');
  });
});

describe("NumPy's dtype spellings", () => {
  test("'int' is int32 and 'float' is float64, wherever a dtype is taken", () => {
    using a = np.array([1.7, -2.2]).astype('int');
    expect(a.dtype).toBe('int32');
    expect(a.toArray()).toEqual([1, -2]);
    using b = np.zeros(2, { dtype: 'float' });
    expect(b.dtype).toBe('float64');
    using c = np.arange(3, { dtype: 'float' });
    expect(String(c)).toBe('[0. 1. 2.]');
    expect(() => np.zeros(2, { dtype: 'double' as never })).toThrow(TypeError);
  });
});

test('NDArray has the operator hook on its prototype', () => {
  expect(typeof NDArray.prototype[Symbol.toPrimitive]).toBe('function');
});
