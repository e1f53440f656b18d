// NumPy's print options (the keys this library supports) and their validation.
import { ValueError, checkOptions, describe } from '../errors.js';

export interface PrintOptions {
  /** Fraction digits of floats (default 8). */
  precision: number;
  /** Never use scientific notation for small numbers; print tiny values as 0 (default false). */
  suppress: boolean;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Arrays with more elements than this are summarised with '...' (default 1000). */
  threshold: number;
  /** Items kept at each end of each axis when summarising (default 3). */
  edgeitems: number;
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  suppress: false,
  linewidth: 75,
  threshold: 1000,
  edgeitems: 3,
});

let current: PrintOptions = { ...DEFAULT_PRINT_OPTIONS };

const KEYS = Object.keys(DEFAULT_PRINT_OPTIONS);

/** The options after checking each given value, as set_printoptions checks them. */
function merged(fn: string, options: Partial<PrintOptions> | undefined): PrintOptions {
  const given = checkOptions(fn, options, KEYS);
  const next = { ...current };
  for (const [key, value] of Object.entries(given) as [keyof PrintOptions, unknown][]) {
    if (value === undefined || value === null) continue;
    if (key === 'suppress') {
      if (typeof value !== 'boolean')
        throw new TypeError(`${fn}: suppress must be a boolean, got ${describe(value)}`);
      next.suppress = value;
      continue;
    }
    const limit = key === 'threshold' ? Infinity : Number.MAX_SAFE_INTEGER;
    if (
      typeof value !== 'number' ||
      Number.isNaN(value) ||
      (!Number.isInteger(value) && value !== limit)
    ) {
      throw new TypeError(`${fn}: ${key} must be an integer, got ${describe(value)}`);
    }
    if (value < 0) throw new ValueError(`${fn}: ${key} must be >= 0, got ${value}`);
    next[key] = value;
  }
  return next;
}

/** np.set_printoptions: changes the given options; the others keep their values. */
export function setPrintOptions(options: Partial<PrintOptions>): void {
  current = merged('setPrintOptions', options);
}

/** np.get_printoptions: a copy of the current options. */
export function getPrintOptions(): PrintOptions {
  return { ...current };
}

/** np.printoptions(options, fn): runs fn with the options applied, then restores the previous ones. */
export function printOptions<T>(options: Partial<PrintOptions>, fn: () => T): T {
  if (typeof fn !== 'function') {
    throw new TypeError(`printOptions: expected a function to run, got ${describe(fn)}`);
  }
  const saved = current;
  current = merged('printOptions', options);
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The options in force (no copy; for the formatters). */
export function activePrintOptions(): Readonly<PrintOptions> {
  return current;
}

/** Restores NumPy's default print options. */
export function resetPrintOptions(): void {
  current = { ...DEFAULT_PRINT_OPTIONS };
}
