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

/** A received value, shown briefly in an error message. */
export function describe(value: unknown): string {
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

/**
 * Rejects option names a function does not take, as Python rejects an unexpected keyword
 * argument; returns the options object (empty when omitted).
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | undefined,
  allowed: readonly string[],
): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}() options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
    }
  }
  return options;
}
