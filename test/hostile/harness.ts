// Runs one hostile call and checks what must hold whatever the call did: no wasm trap escapes,
// no kernel wrote outside a block (guard bytes around every block, and sentinel arrays whose
// values are known), every array the call made is freed or returned, and an error has a class of
// its own with a message that names the function (TypeErrors, RangeErrors and plain Errors, which
// are this library's words; ValueErrors, AxisErrors and IndexErrors are NumPy's, which do not).
import np, { AxisError, IndexError, LinAlgError, NDArray, ValueError } from '../../src/index.js';
import { checkGuards } from '../../src/memory.js';
import { USER_ERROR } from './ingredients.js';

export type Outcome = { threw: Error; result?: undefined } | { threw?: undefined; result: unknown };

/** The classes an error may have: JS's own TypeError and RangeError, and NumPy's. */
export const ERROR_CLASSES = [
  AxisError,
  LinAlgError,
  ValueError,
  IndexError,
  TypeError,
  RangeError,
];

const SENTINEL = [1.5, -2.25, 3.125, Number.MAX_VALUE, -0, 7, 8, 9];

/** Every NDArray inside a result (an array, a JS array of arrays, a plain object of arrays). */
function arraysIn(value: unknown, found: NDArray[] = []): NDArray[] {
  if (value instanceof NDArray) found.push(value);
  else if (Array.isArray(value)) for (const item of value) arraysIn(item, found);
  else if (value && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) arraysIn(item, found);
  }
  return found;
}

/**
 * Runs `call` between sentinel arrays and returns what it threw or returned (arrays read into
 * JS values, then disposed). Throws an assertion error when an invariant breaks.
 */
export function runHostile(fn: string, call: () => unknown): Outcome {
  const before = np.memory();
  const sentinels = [np.array(SENTINEL), np.array(SENTINEL, { dtype: 'float32' })];
  const after = np.memory();
  let outcome: Outcome;
  try {
    outcome = { result: call() };
  } catch (error) {
    outcome = { threw: error as Error };
  }
  const damaged = checkGuards();
  if (damaged.length > 0) throw new Error(`${fn}: guard bytes overwritten at ${damaged}`);
  const made = arraysIn(outcome.result).filter((a) => !a.isDisposed);
  let result = outcome.result;
  if (made.length > 0) {
    // Values of small arrays only: an empty (2**31, 0) array holds nothing but would make 2**31
    // nested JS arrays.
    const readable = (a: NDArray) => a.size > 0 && a.size < 1e4;
    result = made.map((a) => ({ shape: a.shape, values: readable(a) ? a.toArray() : [] }));
    for (const a of new Set(made)) a.dispose();
  }
  for (const [i, sentinel] of sentinels.entries()) {
    const expected = i === 0 ? SENTINEL : SENTINEL.map(Math.fround);
    const values = sentinel.toArray() as number[];
    if (!values.every((v, j) => Object.is(v, expected[j]))) {
      throw new Error(`${fn}: a sentinel array changed: ${values}`);
    }
  }
  const leaked = np.memory();
  if (leaked.arrays !== after.arrays || leaked.bytes !== after.bytes) {
    throw new Error(
      `${fn}: ${leaked.arrays - after.arrays} arrays and ${leaked.bytes - after.bytes} bytes ` +
        'still held after the call',
    );
  }
  for (const sentinel of sentinels) sentinel.dispose();
  const end = np.memory();
  if (end.arrays !== before.arrays || end.bytes !== before.bytes) {
    throw new Error(`${fn}: memory not back to its baseline`);
  }
  if (outcome.threw) checkError(fn, outcome.threw);
  return outcome.threw ? outcome : { result };
}

/** An error must be one of ours (never a wasm trap) and, in this library's words, name fn. */
export function checkError(fn: string, error: unknown): void {
  if (error instanceof WebAssembly.RuntimeError) throw new Error(`${fn}: a wasm trap escaped`);
  // The user's own error (a getter of theirs that throws) passes through unchanged.
  if (error instanceof Error && error.message === USER_ERROR) return;
  if (!(error instanceof Error)) throw new Error(`${fn}: threw a non-Error ${String(error)}`);
  if (!ERROR_CLASSES.some((c) => error instanceof c) && error.constructor !== Error) {
    throw new Error(`${fn}: threw a ${error.constructor.name}: ${error.message}`);
  }
  const ours = [TypeError, RangeError, Error].includes(error.constructor as ErrorConstructor);
  if (ours && !new RegExp(`^${fn}\\b`).test(error.message)) {
    throw new Error(`${fn}: a ${error.constructor.name} that does not name it: ${error.message}`);
  }
}
