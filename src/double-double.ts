// Double-double arithmetic (a value as an unevaluated sum hi + lo of two doubles, about 106
// bits): the error-free transformations of Dekker and Knuth, for the few places that need more
// than double precision (svd's singular values, the js backend's log for NumPy's normals).

/** [hi, lo] with hi + lo = a + b exactly (Knuth's TwoSum). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

const SPLITTER = 134217729; // 2 ** 27 + 1, Veltkamp's splitting constant

/** [hi, lo] with hi + lo = a * b exactly (Dekker's TwoProduct, no fused multiply-add needed). */
export function twoProduct(a: number, b: number): [number, number] {
  const product = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [product, al * bl - (product - ah * bh - al * bh - ah * bl)];
}

/** The double-double sum of two double-doubles. */
export function ddAdd([ah, al]: [number, number], [bh, bl]: [number, number]): [number, number] {
  const [s, e] = twoSum(ah, bh);
  const [hi, lo] = twoSum(s, e + al + bl);
  return [hi, lo];
}

/** The double-double product of two double-doubles. */
export function ddMul([ah, al]: [number, number], [bh, bl]: [number, number]): [number, number] {
  const [p, e] = twoProduct(ah, bh);
  return twoSum(p, e + ah * bl + al * bh);
}

/** The double-double quotient of two double-doubles (one correction step). */
export function ddDiv(a: [number, number], b: [number, number]): [number, number] {
  const q = a[0] / b[0];
  const r = ddAdd(a, ddMul(b, [-q, 0]));
  return twoSum(q, r[0] / b[0]);
}

const LN2: [number, number] = [0.6931471805599453, 2.3190468138462996e-17];
const TERMS = 23;

/**
 * The natural log of a positive finite double, to about 100 bits and then rounded: correctly
 * rounded except in cases far rarer than any test meets. x = 2^k * m with m in [sqrt(2)/2,
 * sqrt(2)), log(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.172, summed as its series
 * in double-double.
 */
export function logRounded(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  let k = 0;
  let m = x;
  if (m < 2 ** -1000) {
    m *= 2 ** 100;
    k -= 100;
  }
  const e = Math.floor(Math.log2(m));
  m /= 2 ** e; // exact: a power of two
  k += e;
  if (m >= Math.SQRT2) {
    m /= 2;
    k += 1;
  } else if (m < Math.SQRT1_2) {
    m *= 2;
    k -= 1;
  }
  // Math.log2 may be off by one near powers of two; the reduction above corrects for it.
  const s = ddDiv([m - 1, 0], twoSum(m, 1));
  const s2 = ddMul(s, s);
  let series: [number, number] = ddDiv([1, 0], [2 * TERMS + 1, 0]);
  for (let j = TERMS - 1; j >= 0; j--)
    series = ddAdd(ddDiv([1, 0], [2 * j + 1, 0]), ddMul(s2, series));
  const logM = ddMul([2, 0], ddMul(s, series));
  const result = ddAdd(ddMul([k, 0], LN2), logM);
  return result[0] + result[1];
}
