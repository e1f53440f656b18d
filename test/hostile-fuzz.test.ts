// The hostile-input fuzz target: fast-check builds random argument lists for random public
// functions from the hostile suite's ingredients, and each call is run by the same harness
// (guard bytes, sentinels, np.memory()'s baseline, error classes and names). A fixed budget
// runs in npm test; NNBASICS_FUZZ_RUNS=100000 npx vitest run test/hostile-fuzz.test.ts runs
// longer (and NNBASICS_FUZZ_SEED replays a run).
import { fc, test as fcTest } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import np, { type NDArray, nn } from '../src/index.js';
import { setGuards } from '../src/memory.js';
import { runHostile } from './hostile/harness.js';
import {
  BAD_DATA,
  BAD_OPTIONS,
  BAD_SHAPES,
  EDGE_NUMBERS,
  NOT_BOOLEANS,
  NOT_NUMBERS,
  ODD_DATA,
} from './hostile/ingredients.js';

const RUNS = Number(process.env.NNBASICS_FUZZ_RUNS ?? 5000);
const SEED = process.env.NNBASICS_FUZZ_SEED ? Number(process.env.NNBASICS_FUZZ_SEED) : undefined;

const isClass = (f: unknown) =>
  typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));

/** Every public function, by the name its errors use; backends and global state left out. */
const SKIPPED = new Set(['setBackend', 'loadBackend', 'tidy']);
function functionsOf(namespace: object): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(namespace).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] =>
      typeof entry[1] === 'function' && !isClass(entry[1]) && !SKIPPED.has(entry[0]),
  );
}
const FUNCTIONS = [
  ...functionsOf(np),
  ...functionsOf(nn),
  ...functionsOf(np.random),
  ...functionsOf(np.linalg),
];

const fromTable = (table: Record<string, () => unknown>) =>
  fc.constantFrom(...Object.values(table)).map((make) => () => make());

// Arguments are thunks, made fresh inside the harnessed call; the arrays they make are the
// case's own, disposed when the call ends, so that what is still held after it is the library's.
const owned: NDArray[] = [];
function own(array: NDArray): NDArray {
  owned.push(array);
  return array;
}

const argument: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.constantFrom(...Object.values(EDGE_NUMBERS)).map((v) => () => v),
  fc.integer({ min: -3, max: 5 }).map((v) => () => v),
  fc.double({ noNaN: false }).map((v) => () => v),
  fc.boolean().map((v) => () => v),
  fc.constantFrom(null, undefined).map((v) => () => v),
  fromTable(NOT_NUMBERS),
  fromTable(BAD_DATA),
  fromTable(ODD_DATA),
  fromTable(BAD_SHAPES),
  fromTable(BAD_OPTIONS),
  fc.array(fc.double({ min: -10, max: 10 }), { maxLength: 6 }).map((values) => () => values),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(
    ([rows, cols]) =>
      () =>
        own(np.ones([rows, cols])),
  ),
  fc
    .constantFrom('float32', 'int32', 'bool', 'float16', 'fro', 'nuc', ':', '1:', '...')
    .map((v) => () => v),
  fc
    .record(
      {
        axis: fc.constantFrom(0, 1, -1, null, 1.5, 'a', [0, 1]),
        keepdims: fc.constantFrom(true, false, ...Object.values(NOT_BOOLEANS).map((m) => m())),
        dtype: fc.constantFrom('float32', 'int32', 'bool', 'complex'),
        ddof: fc.constantFrom(0, 1, NaN, 'a'),
      },
      { requiredKeys: [] },
    )
    .map((options) => () => ({ ...options })),
);

describe('fuzzing the public API with hostile arguments', () => {
  beforeAll(() => setGuards(true));
  afterAll(() => {
    setGuards(false);
    np.resetPrintOptions();
  });

  fcTest.prop([fc.constantFrom(...FUNCTIONS), fc.array(argument, { maxLength: 4 })], {
    numRuns: RUNS,
    seed: SEED,
  })('a random function with random arguments breaks no invariant', ([name, fn], args) => {
    // The harness throws when an invariant breaks; what the call returned or threw is fine.
    runHostile(name, () => {
      try {
        return fn(...args.map((make) => make()));
      } finally {
        for (const array of owned.splice(0)) array.dispose();
      }
    });
    np.resetPrintOptions();
    expect(np.getBackend()).toBe('wasm-simd');
  });
});
