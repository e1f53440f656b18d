// NumPy's str() and repr() of arrays (numpy/_core/arrayprint.py), restated in
// shared/reference/numpy-printing.md: the element formatters and the line layout.
import type { DType } from '../dtype.js';
import {
  type Decimal,
  type FloatKind,
  positional,
  scientificFixed,
  scientificShortest,
  shortest,
  signOf,
} from './digits.js';
import { type PrintOptions, activePrintOptions } from './options.js';

/** What the printer needs of an array: its shape, dtype and a reader of one element. */
export interface Printable {
  readonly dims: readonly number[];
  readonly dtype: DType;
  /** The element at a full index; bool as 0 or 1. */
  at(index: readonly number[]): number;
}

type Formatter = (x: number) => string;

function exponentText(exponent: number, width: number): string {
  return (exponent < 0 ? '-' : '+') + String(Math.abs(exponent)).padStart(width, '0');
}

function mantissaText(d: Decimal, fractionDigits: number): string {
  return d.digits[0] + '.' + d.digits.slice(1, 1 + fractionDigits).padEnd(fractionDigits, '0');
}

/** NumPy's FloatingFormat in floatmode 'maxprec' with sign '-'. */
function floatFormatter(
  values: readonly number[],
  kind: FloatKind,
  options: PrintOptions,
): Formatter {
  const { precision, suppress } = options;
  const finite = values.filter(Number.isFinite);
  const magnitudes = finite.filter((x) => x !== 0).map(Math.abs);
  // The choice compares in the array's own type (NEP 50: Python floats are weak).
  const cast = kind === 'float32' ? Math.fround : (x: number) => x;
  let scientific = false;
  if (magnitudes.length > 0) {
    const max = Math.max(...magnitudes);
    const min = Math.min(...magnitudes);
    const largest = kind === 'float32' ? 1e6 : 1e8;
    scientific = max >= largest || (!suppress && (min < cast(1e-4) || cast(max / min) > 1000));
  }

  let padLeft = 0;
  let padRight = 0;
  let fractionDigits = 0;
  let exponentWidth = 0;
  if (finite.length > 0 && scientific) {
    const decimals = finite.map((x) => ({ x, d: scientificShortest(x, precision, kind) }));
    fractionDigits = Math.max(...decimals.map(({ d }) => d.digits.length - 1));
    exponentWidth = Math.max(2, ...decimals.map(({ d }) => String(Math.abs(d.exponent)).length));
    padLeft = Math.max(...decimals.map(({ x }) => 1 + signOf(x).length));
    padRight = exponentWidth + 2 + fractionDigits;
  } else if (finite.length > 0) {
    for (const x of finite) {
      const [whole, fraction] = positional(x, precision, kind);
      padLeft = Math.max(padLeft, whole.length);
      padRight = Math.max(padRight, fraction.length);
    }
  }
  if (finite.length !== values.length) {
    const negativeInfinity = values.includes(-Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + negativeInfinity - (padRight + 1));
  }
  const width = padLeft + padRight + 1;

  return (x) => {
    if (Number.isNaN(x)) return 'nan'.padStart(width);
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(width);
    if (scientific) {
      const d = scientificFixed(x, fractionDigits);
      const text = signOf(x) + mantissaText(d, fractionDigits);
      return (
        text.padStart(padLeft + 1 + fractionDigits) + 'e' + exponentText(d.exponent, exponentWidth)
      );
    }
    const [whole, fraction] = positional(x, precision, kind);
    return whole.padStart(padLeft) + '.' + fraction.padEnd(padRight);
  };
}

/** NumPy's IntegerFormat: right-aligned to the widest of max and min. */
function integerFormatter(values: readonly number[]): Formatter {
  const width =
    values.length === 0
      ? 0
      : Math.max(String(Math.max(...values)).length, String(Math.min(...values)).length);
  return (x) => String(x).padStart(width);
}

function formatterFor(
  dtype: DType,
  values: readonly number[],
  zeroD: boolean,
  options: PrintOptions,
): Formatter {
  switch (dtype) {
    case 'bool':
      return (x) => (x ? (zeroD ? 'True' : ' True') : 'False');
    case 'int32':
      return integerFormatter(values);
    default:
      return floatFormatter(values, dtype, options);
  }
}

/** NumPy's str of a float64/float32 scalar (np.float64(x).__str__). */
export function scalarToString(x: number, dtype: DType): string {
  if (dtype === 'bool') return x ? 'True' : 'False';
  if (dtype === 'int32') return String(x);
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const abs = Math.abs(x);
  const upper = dtype === 'float32' ? 1e6 : 1e16;
  if (x === 0 || (abs >= 1e-4 && abs < upper)) {
    const [whole, fraction] = positional(x, Infinity, dtype);
    return `${whole}.${fraction || '0'}`;
  }
  const d = shortest(x, dtype);
  const mantissa = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  return `${signOf(x)}${mantissa}e${exponentText(d.exponent, 2)}`;
}

/** The indices kept along an axis of length n: all, or edgeitems at each end with a gap marker (-1). */
function keptIndices(n: number, summarise: boolean, edgeitems: number): number[] {
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  // Only what is printed: a summarised axis of 2e7 elements gives 2 * edgeitems indices.
  if (!summarise || 2 * edgeitems >= n) return range(0, n);
  return [...range(0, edgeitems), -1, ...range(n - edgeitems, n)];
}

/** NumPy's _formatArray over the kept indices; `separator` is ' ' for str, ', ' for repr. */
function layout(
  array: Printable,
  format: Formatter,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  summarise: boolean,
  edgeitems: number,
): string {
  const ndim = array.dims.length;
  const recurse = (index: number[], hangingIndent: string, currentWidth: number): string => {
    const axis = index.length;
    const axesLeft = ndim - axis;
    if (axesLeft === 0) return format(array.at(index));
    const nextIndent = hangingIndent + ' ';
    const nextWidth = currentWidth - 1;
    const kept = keptIndices(array.dims[axis], summarise, edgeitems);
    let s = '';
    if (axesLeft === 1) {
      const elementWidth = currentWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      kept.forEach((i, position) => {
        const word = i < 0 ? '...' : recurse([...index, i], nextIndent, nextWidth);
        // Wrap before the word when it would pass the width, unless the line holds only the indent.
        if (line.length + word.length > elementWidth && line.length > hangingIndent.length) {
          s += line.trimEnd() + '\n';
          line = hangingIndent;
        }
        line += word;
        if (position < kept.length - 1) line += separator;
      });
      s += line;
    } else {
      const lineSeparator = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      s = kept
        .map((i) => hangingIndent + (i < 0 ? '...' : recurse([...index, i], nextIndent, nextWidth)))
        .join(lineSeparator);
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurse([], nextLinePrefix, lineWidth);
}

/** The elements the formatter is built from: all of them, or only the summary's. */
function keptValues(array: Printable, summarise: boolean, edgeitems: number): number[] {
  const values: number[] = [];
  const visit = (index: number[]): void => {
    if (index.length === array.dims.length) {
      values.push(array.at(index));
      return;
    }
    for (const i of keptIndices(array.dims[index.length], summarise, edgeitems)) {
      if (i >= 0) visit([...index, i]);
    }
  };
  visit([]);
  return values;
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** NumPy's array2string with the given separator and prefix (the prefix only sets the indent). */
function array2string(array: Printable, separator: string, prefix: string, suffix: string): string {
  const options = activePrintOptions();
  if (size(array.dims) === 0) return '[]';
  const summarise = size(array.dims) > options.threshold;
  const values = keptValues(array, summarise, options.edgeitems);
  const format = formatterFor(array.dtype, values, array.dims.length === 0, options);
  return layout(
    array,
    format,
    options.linewidth - suffix.length,
    ' ' + ' '.repeat(prefix.length),
    separator,
    summarise,
    options.edgeitems,
  );
}

/** NumPy's str(x). */
export function arrayToString(array: Printable): string {
  if (array.dims.length === 0) return scalarToString(array.at([]), array.dtype);
  return array2string(array, ' ', '', '');
}

/** NumPy's repr(x); int32 stands for NumPy's default integer, so it carries no dtype. */
export function arrayRepr(array: Printable): string {
  const options = activePrintOptions();
  const prefix = 'array(';
  const body = array2string(array, ', ', prefix, ')');
  const extras: string[] = [];
  const total = size(array.dims);
  if (
    (total === 0 && !(array.dims.length === 1 && array.dims[0] === 0)) ||
    total > options.threshold
  ) {
    extras.push(`shape=(${array.dims.join(', ')}${array.dims.length === 1 ? ',' : ''})`);
  }
  if (array.dtype === 'float32' || total === 0) extras.push(`dtype=${array.dtype}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const head = `${prefix}${body},`;
  const tail = `${extras.join(', ')})`;
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  const spacer =
    lastLine + tail.length + 1 > options.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return head + spacer + tail;
}
