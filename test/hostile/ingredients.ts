// What a hostile user passes: values that are not what an argument asks for, containers that
// lie about their length, getters with side effects. Each ingredient is made fresh per case, so
// that a case that consumes or breaks one cannot affect the next.

/** A Proxy over [1, 2, 3] whose length grows each time it is read. */
export function growingArray(): number[] {
  let reads = 0;
  return new Proxy([1, 2, 3], {
    get(target, key, receiver) {
      if (key === 'length') return 3 + 2 * reads++;
      if (typeof key === 'string' && /^\d+$/.test(key)) return Number(key) + 1;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** A Float64Array subclass whose length getter claims far more than it holds. */
export function lyingTypedArray(): Float64Array {
  class Lying extends Float64Array {
    override get length(): number {
      return 1000;
    }
  }
  return new Lying([1, 2, 3]);
}

/** A typed array whose buffer was transferred away (detached): its length reads as 0. */
export function detachedTypedArray(): Float64Array {
  const array = new Float64Array([1, 2, 3]);
  structuredClone(array.buffer, { transfer: [array.buffer] });
  return array;
}

/** A typed array over a SharedArrayBuffer. */
export function sharedTypedArray(): Float64Array {
  const array = new Float64Array(new SharedArrayBuffer(24));
  array.set([1, 2, 3]);
  return array;
}

/** A revoked Proxy: any operation on it throws. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** What the ingredients' own throwing getters throw. */
export const USER_ERROR = 'a getter that throws';

/** An object whose every property read throws. */
export function throwingObject(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error(USER_ERROR);
      },
      ownKeys() {
        return ['axis'];
      },
      getOwnPropertyDescriptor() {
        return { configurable: true, enumerable: true, value: 0 };
      },
    },
  );
}

/** Values that are not numbers, for any argument that takes a number. */
export const NOT_NUMBERS: Record<string, () => unknown> = {
  'a string': () => 'a',
  'a numeric string': () => '3',
  'an empty string': () => '',
  'a BigInt': () => 10n,
  'a Symbol': () => Symbol('x'),
  'a Date': () => new Date(0),
  'a plain object': () => ({}),
  'an object with valueOf': () => ({ valueOf: () => 2 }),
  'a boxed number': () => new Number(2),
  'a function': () => () => 1,
  'an array-like': () => ({ length: 2, 0: 1, 1: 2 }),
  'a revoked Proxy': revokedProxy,
};

/** Numbers at the edges, for any numeric argument. */
export const EDGE_NUMBERS: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  '-0': -0,
  '2**31': 2 ** 31,
  '1e10': 1e10,
  '-1': -1,
  '1.5': 1.5,
  '2**53 + 2': 2 ** 53 + 2,
  '1e300': 1e300,
};

/** Array data that is not numbers, or not the shape it claims. */
export const BAD_DATA: Record<string, () => unknown> = {
  'a number then a string': () => [0.5, 'a'],
  'a number then a numeric string': () => [0.5, '3'],
  'a number then null': () => [0.5, null],
  'a number then a BigInt': () => [0.5, 10n],
  'a number then a Date': () => [0.5, new Date(0)],
  'an integer then undefined': () => [1, undefined],
  'a hole': () => [1, , 3], // eslint-disable-line no-sparse-arrays
  'ragged rows': () => [[1, 2], [3]],
  'a row and a number': () => [[1, 2], 3],
  'a Symbol element': () => [Symbol('x')],
  'an object element': () => [{}],
  'nested revoked Proxy': () => [revokedProxy()],
  'a BigInt64Array': () => new BigInt64Array([1n]),
  'a DataView': () => new DataView(new ArrayBuffer(8)),
  'a string': () => 'abc',
  null: () => null,
  undefined: () => undefined,
  'a Map': () => new Map([[0, 1]]),
};

/** Array data that is unusual but valid: each gives the array its first reading describes. */
export const ODD_DATA: Record<string, () => unknown> = {
  'a Proxy whose length grows': growingArray,
  'a typed array that lies about its length': lyingTypedArray,
  'a detached typed array': detachedTypedArray,
  'a shared typed array': sharedTypedArray,
  'an Int8Array': () => new Int8Array([1, -2, 3]),
  'a Uint32Array': () => new Uint32Array([1, 2 ** 32 - 1]),
  'NaN, Infinity and -0': () => [NaN, Infinity, -0],
  'integers beyond int32': () => [2 ** 31, -(2 ** 31) - 1, 1e10],
  'an empty array': () => [],
  booleans: () => [true, false],
};

/** Shapes (dims arguments) that are not shapes. */
export const BAD_SHAPES: Record<string, () => unknown> = {
  'a hole': () => [2, , 3], // eslint-disable-line no-sparse-arrays
  'a negative dimension': () => [2, -1],
  'a fractional dimension': () => [2.5],
  NaN: () => [NaN],
  Infinity: () => Infinity,
  'a huge dimension': () => [1e300, 1e300, 0],
  'a size beyond 2**53': () => [2 ** 30, 2 ** 30, 2 ** 30],
  '65 dimensions': () => new Array(65).fill(1),
  'a string dimension': () => ['2'],
  'a BigInt dimension': () => [2n],
  'a Proxy whose length grows': growingArray,
  'a string': () => '3',
  'an object': () => ({ length: 1, 0: 2 }),
  'a nested array': () => [[2]],
};

/** Option values that are not booleans, for boolean options. */
export const NOT_BOOLEANS: Record<string, () => unknown> = {
  'the string yes': () => 'yes',
  'the number 1': () => 1,
  'the number 0': () => 0,
  null: () => null,
  'an object': () => ({}),
};

/** Options arguments that are not plain objects, or misbehave when read. */
export const BAD_OPTIONS: Record<string, () => unknown> = {
  'a Date': () => new Date(0),
  'a Map': () => new Map([['axis', 0]]),
  'a class instance': () => new (class Options {})(),
  'a revoked Proxy': revokedProxy,
  'an object whose getters throw': throwingObject,
  'an unknown option': () => ({ axes: 0 }),
};
