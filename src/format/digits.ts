// Decimal digits of binary floats, as NumPy's Dragon4 makes them: shortest round-trip digits
// (for float64 or float32) and the exact binary value rounded half-to-even at a cutoff.
// Exact arithmetic uses BigInt; printing is not a hot path.

export type FloatKind = 'float64' | 'float32';

/** |x| = digits[0].digits[1..] × 10^exponent; digits has no leading zero. */
export interface Decimal {
  digits: string;
  exponent: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** |x| = m × 2^e exactly (x finite, non-zero). */
function binaryParts(x: number): { m: bigint; e: number } {
  f64[0] = Math.abs(x);
  const bits = u64[0];
  const biased = Number(bits >> 52n);
  const fraction = bits & 0xfffffffffffffn;
  return biased === 0 ? { m: fraction, e: -1074 } : { m: fraction | (1n << 52n), e: biased - 1075 };
}

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  return (pow10Cache[n] ??= 10n ** BigInt(n));
}

/** num/den with num = m·2^e·10^p exactly. */
function scaled(m: bigint, e: number, p: number): { num: bigint; den: bigint } {
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (p >= 0) num *= pow10(p);
  else den *= pow10(-p);
  return { num, den };
}

/** floor(log10 |x|) for finite non-zero x, exactly. */
function decimalExponent(m: bigint, e: number, x: number): number {
  let k = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const { num, den } = scaled(m, e, -k); // |x| / 10^k
    if (num < den) k--;
    else if (num >= 10n * den) k++;
    else return k;
  }
}

/** Round num/den to an integer, ties to even. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** The exact value of |x| rounded half-to-even to n significant digits (x finite, non-zero). */
export function roundSignificant(x: number, n: number): Decimal {
  const { m, e } = binaryParts(x);
  let k = decimalExponent(m, e, x);
  const { num, den } = scaled(m, e, n - 1 - k);
  let q = roundHalfEven(num, den);
  if (q === pow10(n)) {
    q = pow10(n - 1);
    k++;
  }
  return { digits: q.toString(), exponent: k };
}

/** The exact value of |x| × 10^fractionDigits rounded half-to-even to an integer. */
export function roundFixed(x: number, fractionDigits: number): bigint {
  if (x === 0) return 0n;
  const { m, e } = binaryParts(x);
  const { num, den } = scaled(m, e, fractionDigits);
  return roundHalfEven(num, den);
}

function trimZeros(digits: string): string {
  const trimmed = digits.replace(/0+$/, '');
  return trimmed === '' ? '0' : trimmed;
}

/** m × 2^twos × 10^tens, for exponents that leave an integer. */
function integer(m: bigint, twos: number, tens: number): bigint {
  const scaledByTwo = twos >= 0 ? m << BigInt(twos) : m >> BigInt(-twos);
  return tens >= 0 ? scaledByTwo * pow10(tens) : scaledByTwo / pow10(-tens);
}

/** Whether the decimal d lies inside x's float32 rounding interval (Dragon4's margins). */
function insideFloat32Interval(x: number, d: Decimal): boolean {
  f32[0] = Math.abs(x);
  const bits = u32[0];
  const biased = bits >>> 23;
  const fraction = bits & 0x7fffff;
  const m = BigInt(biased === 0 ? fraction : fraction | 0x800000);
  const e = biased === 0 ? -149 : biased - 150;
  // Scale everything by 2^twos × 10^tens so that x, d and both margins are integers.
  const t = d.exponent - (d.digits.length - 1); // d = digits × 10^t
  const twos = Math.max(0, 2 - e);
  const tens = Math.max(0, -t);
  const xs = integer(m, e + twos, tens);
  const ds = integer(BigInt(d.digits), twos, t + tens);
  const high = integer(1n, e - 1 + twos, tens);
  const low = fraction === 0 && biased > 1 ? integer(1n, e - 2 + twos, tens) : high;
  const inclusive = (m & 1n) === 0n;
  const diff = ds - xs;
  if (diff >= 0n) return inclusive ? diff <= high : diff < high;
  return inclusive ? -diff <= low : -diff < low;
}

/** Shortest digits that read back to the same float64 or float32 (x finite, non-zero). */
export function shortest(x: number, kind: FloatKind): Decimal {
  if (kind === 'float64') {
    // JS's Number.prototype.toExponential() gives the shortest round-trip digits, closest to x.
    const [mantissa, exp] = Math.abs(x).toExponential().split('e');
    return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
  }
  for (let n = 1; n < 9; n++) {
    const closest = roundSignificant(x, n);
    if (insideFloat32Interval(x, closest)) return { ...closest, digits: trimZeros(closest.digits) };
  }
  const nine = roundSignificant(x, 9);
  return { ...nine, digits: trimZeros(nine.digits) };
}

/** Sign prefix: '-' for negative numbers and -0, as NumPy prints them. */
export function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Digits placed around a decimal point: [whole part, fraction part]. */
function positionalParts(d: Decimal): [string, string] {
  const { digits, exponent } = d;
  if (exponent >= 0) {
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return [whole, digits.slice(exponent + 1)];
  }
  return ['0', '0'.repeat(-exponent - 1) + digits];
}

/**
 * NumPy's dragon4_positional(x, precision, unique=True, fractional=True, trim='.'): shortest
 * digits, or the exact value rounded at `precision` fraction digits when the shortest has more;
 * trailing zeros removed, the '.' kept. Returns [sign + whole part, fraction part].
 */
export function positional(x: number, precision: number, kind: FloatKind): [string, string] {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', ''];
  const best = shortest(x, kind);
  let [whole, fraction] = positionalParts(best);
  if (fraction.length > precision) {
    const rounded = roundFixed(x, precision)
      .toString()
      .padStart(precision + 1, '0');
    whole = rounded.slice(0, rounded.length - precision);
    fraction = rounded.slice(rounded.length - precision).replace(/0+$/, '');
  }
  return [sign + whole, fraction];
}

/**
 * Scientific digits with at most `precision` + 1 significant digits (shortest when it is
 * shorter, trailing zeros trimmed): NumPy's dragon4_scientific(x, precision, unique=True, trim='.').
 */
export function scientificShortest(x: number, precision: number, kind: FloatKind): Decimal {
  if (x === 0) return { digits: '0', exponent: 0 };
  const best = shortest(x, kind);
  if (best.digits.length <= precision + 1) return best;
  const rounded = roundSignificant(x, precision + 1);
  return { digits: trimZeros(rounded.digits), exponent: rounded.exponent };
}

/** Exactly `fractionDigits` digits after the point, from the exact binary value (Dragon4 with min_digits). */
export function scientificFixed(x: number, fractionDigits: number): Decimal {
  if (x === 0) return { digits: '0'.repeat(fractionDigits + 1), exponent: 0 };
  return roundSignificant(x, fractionDigits + 1);
}
