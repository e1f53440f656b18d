// NumPy's exception classes, as JavaScript errors, and the helpers that word their messages.

/** NumPy's ValueError: an argument has the right type but a bad value (shapes, sizes). */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/** NumPy's AxisError (a ValueError): an axis outside the array's dimensions. */
export class AxisError extends ValueError {
  constructor(message: string) {
    super(message);
    this.name = 'AxisError';
  }
}

/** NumPy's LinAlgError (a ValueError): a linear-algebra routine cannot do what was asked. */
export class LinAlgError extends ValueError {
  constructor(message: string) {
    super(message);
    this.name = 'LinAlgError';
  }
}

/** NumPy's IndexError, here a RangeError: an index outside its axis. */
export class IndexError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'IndexError';
  }
}

/** A shape as NumPy writes it in messages: (2,3), (6,), (). */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** A received value, shown briefly in an error message (never throwing, even for a revoked Proxy). */
export function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && !isReadable(value)) {
    return 'an unreadable object (a revoked Proxy)';
  }
  if (typeof value === 'symbol') return 'a Symbol';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return value.length > 6 ? `array of length ${value.length}` : 'array';
  if (typeof value === 'function') return 'a function';
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

/** Whether an object can be inspected at all: a revoked Proxy throws on every operation. */
export function isReadable(value: object): boolean {
  try {
    Reflect.getPrototypeOf(value);
    return true;
  } catch {
    return false;
  }
}

/** A revoked Proxy throws at every look (instanceof, Array.isArray): refused in fn's words. */
export function checkReadable(fn: string, value: unknown): void {
  if (typeof value === 'object' && value !== null && !isReadable(value)) {
    throw new TypeError(`${fn}: cannot use ${describe(value)}`);
  }
}

/**
 * The elements of a JS array the user passed, its length read once and each element by index
 * (an iterator would read a Proxy's length at every step, and a growing one never ends; map
 * would skip holes, which come out as undefined here).
 */
export function readList(fn: string, list: readonly unknown[]): unknown[] {
  const length = list.length;
  if (!(length <= 2 ** 32)) {
    throw new ValueError(`${fn}: a sequence of length ${length} does not fit in wasm32 memory`);
  }
  const items = new Array<unknown>(length);
  for (let i = 0; i < length; i++) items[i] = list[i];
  return items;
}

/**
 * Runs a function made of other public functions so that an error in this library's words
 * raised by one of them also names the function the user called ("clip: maximum: could not
 * convert ..."). NumPy's ValueErrors keep NumPy's words.
 */
export function namingCaller<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    const numpyWords = error instanceof ValueError || error instanceof IndexError;
    if (error instanceof Error && !numpyWords && !error.message.startsWith(fn)) {
      error.message = `${fn}: ${error.message}`;
    }
    throw error;
  }
}

/**
 * The options object of a call, as Python's keyword arguments: a plain object (a Date, a Map or
 * an array is refused, not read as "no options") with no name the function does not take.
 * Empty when omitted. Callers destructure it once, before they resolve any operand: a getter
 * then runs once, and cannot dispose an operand that a kernel is about to read.
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | undefined,
  allowed: readonly string[],
): Partial<T> {
  if (options === undefined || options === null) return {};
  const prototype =
    typeof options === 'object' && isReadable(options) ? Object.getPrototypeOf(options) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${fn}() options must be a plain object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
    }
  }
  return options;
}

/** A boolean option: true or false, nothing that merely converts to one. */
export function checkBoolean(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${fn}: ${name} must be a boolean, got ${describe(value)}`);
  }
  return value;
}
