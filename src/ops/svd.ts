// np.linalg.svd by one-sided Jacobi (Hestenes) in float64: the columns of a working copy of A are
// rotated pairwise until all are orthogonal; their norms are the singular values, the rotations
// accumulate into V. It is slower than LAPACK's bidiagonal methods on big matrices but has high
// relative accuracy, which is what matching LAPACK's singular values to a few ulps needs.
import { LinAlgError, checkBoolean, checkOptions } from '../errors.js';
import { NDArray, heapOf } from '../ndarray.js';
import { forEachIndex } from '../shape.js';
import { type ArrayInput, fromData, operand } from './create.js';
import { Temporaries } from './elementwise.js';
import { twoProduct } from '../double-double.js';

const EPSILON = 2 ** -52;
const MAX_SWEEPS = 80;

/** The SVD of one m x n matrix (row-major in `a`), m >= n: u (m x n, columns), s, v (n x n). */
interface Thin {
  u: Float64Array;
  s: Float64Array;
  v: Float64Array;
}

/** One-sided Jacobi on the columns of a (m x n, m >= n), column-major copies for locality. */
function jacobi(a: Float64Array, m: number, n: number): Thin {
  // Column-major: column j is cols[j*m .. j*m+m).
  const cols = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) cols[j * m + i] = a[i * n + j];
  const v = new Float64Array(n * n);
  for (let j = 0; j < n; j++) v[j * n + j] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = cols[p * m + i];
          const y = cols[q * m + i];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPSILON * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = cols[p * m + i];
          const y = cols[q * m + i];
          cols[p * m + i] = c * x - s * y;
          cols[q * m + i] = s * x + c * y;
        }
        for (let i = 0; i < n; i++) {
          const x = v[p * n + i];
          const y = v[q * n + i];
          v[p * n + i] = c * x - s * y;
          v[q * n + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let scale = 0;
    for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(cols[j * m + i]));
    let sum = 0;
    if (scale > 0) for (let i = 0; i < m; i++) sum += (cols[j * m + i] / scale) ** 2;
    s[j] = scale * Math.sqrt(sum);
    if (s[j] > 0) for (let i = 0; i < m; i++) cols[j * m + i] /= s[j];
  }
  refineSingularValues(a, m, n, v, s);
  // Descending order, as LAPACK returns them.
  const order = [...s.keys()].sort((i, j) => s[j] - s[i] || i - j);
  const u = new Float64Array(m * n);
  const vs = new Float64Array(n * n);
  const sorted = new Float64Array(n);
  order.forEach((from, to) => {
    sorted[to] = s[from];
    u.set(cols.subarray(from * m, from * m + m), to * m);
    vs.set(v.subarray(from * n, from * n + n), to * n);
  });
  return { u, s: sorted, v: vs };
}

// Dot2 (Ogita, Rump and Oishi, "Accurate sum and dot product", 2005): a dot product as
// accurate as if computed in twice the precision, then rounded.
/** sum of x[i] * y[i] (strides in elements) with compensated sums and products (Dot2). */
function dot2(
  n: number,
  x: Float64Array,
  xi: number,
  sx: number,
  y: Float64Array,
  yi: number,
  sy: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < n; k++, xi += sx, yi += sy) {
    const [p, e] = twoProduct(x[xi], y[yi]);
    const t = sum + p;
    const z = t - sum;
    compensation += sum - (t - z) + (p - z) + e;
    sum = t;
  }
  return sum + compensation;
}

/**
 * Recomputes each singular value as ||A v|| / ||v|| with compensated dot products. An error of e
 * in v's direction changes it only by about e squared, so this gives the values to about an ulp
 * where the rotated columns' norms carry the rounding of every sweep (tens of ulps at 64 x 64).
 */
function refineSingularValues(
  a: Float64Array,
  m: number,
  n: number,
  v: Float64Array,
  s: Float64Array,
): void {
  const w = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    if (s[j] === 0) continue;
    for (let i = 0; i < m; i++) w[i] = dot2(n, a, i * n, 1, v, j * n, 1);
    const largest = w.reduce((best, x) => Math.max(best, Math.abs(x)), 0);
    if (largest === 0 || !Number.isFinite(largest)) continue;
    // Scaled by a power of two (exactly) so that the squares neither overflow nor underflow.
    const scale = 2 ** Math.round(Math.log2(largest));
    for (let i = 0; i < m; i++) w[i] /= scale;
    // V's columns drift from unit length by an ulp or so per rotation: divide by the length.
    const length = Math.sqrt(dot2(n, v, j * n, 1, v, j * n, 1));
    s[j] = (scale * Math.sqrt(dot2(m, w, 0, 1, w, 0, 1))) / length;
  }
}

/**
 * Fills the columns of `basis` (column-major, length-`m` columns) that isSet says are not set,
 * orthonormal to every other: the zero columns (null singular values) and the extra columns of
 * full matrices. Each is the unit vector whose remainder after Gram-Schmidt (twice) against the
 * columns already there is longest, normalised.
 */
function complete(
  basis: Float64Array,
  m: number,
  count: number,
  isSet: (j: number) => boolean,
): void {
  const filled = Array.from({ length: count }, (_, j) => isSet(j));
  const residual = (candidate: number): Float64Array => {
    const w = new Float64Array(m);
    w[candidate] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < count; k++) {
        if (!filled[k]) continue;
        let d = 0;
        for (let i = 0; i < m; i++) d += basis[k * m + i] * w[i];
        for (let i = 0; i < m; i++) w[i] -= d * basis[k * m + i];
      }
    }
    return w;
  };
  for (let j = 0; j < count; j++) {
    if (filled[j]) continue;
    let best = residual(0);
    let bestLength = Math.hypot(...best);
    for (let candidate = 1; candidate < m; candidate++) {
      const w = residual(candidate);
      const length = Math.hypot(...w);
      if (length > bestLength) [best, bestLength] = [w, length];
    }
    for (let i = 0; i < m; i++) basis[j * m + i] = best[i] / bestLength;
    filled[j] = true;
  }
}

export interface SvdOptions {
  computeUv?: boolean;
  fullMatrices?: boolean;
}

/** Columns (column-major, `length` each) as the rows of a row-major array. */
function columnsAsRows(columns: Float64Array, length: number, count: number): Float64Array {
  return columns.slice(0, length * count);
}

/** Columns (column-major, `length` each) as the columns of a row-major length x count array. */
function columnsAsColumns(columns: Float64Array, length: number, count: number): Float64Array {
  const out = new Float64Array(length * count);
  for (let j = 0; j < count; j++)
    for (let i = 0; i < length; i++) out[i * count + j] = columns[j * length + i];
  return out;
}

/** The factors of one m x n matrix (row-major in a) as row-major arrays: u, s, vh. */
function svdOfMatrix(a: Float64Array, m: number, n: number, full: boolean) {
  const k = Math.min(m, n);
  // Jacobi wants a tall matrix: for a wide A it decomposes A^T = V S U^T instead.
  const tall = m >= n;
  const rows = tall ? m : n;
  let input = a;
  if (!tall) {
    input = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) input[j * m + i] = a[i * n + j];
  }
  const { u, s, v } = jacobi(input, rows, k);
  // The tall problem's left vectors, completed where s is 0 and, for full matrices, to `rows`.
  const leftCount = full ? rows : k;
  const left = new Float64Array(rows * leftCount);
  left.set(u);
  complete(left, rows, leftCount, (j) => j < k && s[j] > 0);
  if (tall) {
    return { u: columnsAsColumns(left, m, leftCount), s, vh: columnsAsRows(v, n, k) };
  }
  return { u: columnsAsColumns(v, m, k), s, vh: columnsAsRows(left, n, leftCount) };
}

/**
 * np.linalg.svd(x, {computeUv = true, fullMatrices = true}): [u, s, vh] with x = u @ diag(s) @
 * vh (s descending), or s alone. Stacks of matrices (ndim > 2) are decomposed one by one.
 * u and vh may differ from LAPACK's in sign (and, for repeated singular values, by rotation).
 */
export function svd(x: ArrayInput, options?: SvdOptions): NDArray | [NDArray, NDArray, NDArray] {
  const { computeUv = true, fullMatrices = true } = checkOptions('svd', options, [
    'computeUv',
    'fullMatrices',
  ]);
  checkBoolean('svd', 'computeUv', computeUv);
  checkBoolean('svd', 'fullMatrices', fullMatrices);
  const temps = new Temporaries();
  try {
    const input = temps.keep(operand('svd', x), x);
    if (input.ndim < 2) {
      throw new LinAlgError(
        `svd: ${input.ndim}-dimensional array given. Array must be at least two-dimensional`,
      );
    }
    const dtype = input.dtype === 'float32' ? 'float32' : 'float64';
    const data = temps.keep(fromData('svd', input, 'float64'));
    const values = heapOf('float64');
    if (!values.subarray(data.offset, data.offset + data.size).every(Number.isFinite)) {
      throw new LinAlgError('SVD did not converge');
    }
    const nd = input.ndim;
    const [m, n] = [input.dims[nd - 2], input.dims[nd - 1]];
    const stack = input.dims.slice(0, -2);
    const k = Math.min(m, n);
    const uWidth = fullMatrices ? m : k;
    const vRows = fullMatrices ? n : k;
    const s = NDArray.empty([...stack, k], 'float64', 'svd');
    const u = computeUv ? NDArray.empty([...stack, m, uWidth], 'float64', 'svd') : undefined;
    const vh = computeUv ? NDArray.empty([...stack, vRows, n], 'float64', 'svd') : undefined;
    let index = 0;
    forEachIndex(stack, stack.length, () => {
      const start = data.offset + index * m * n;
      const matrix = Float64Array.from(heapOf('float64').subarray(start, start + m * n));
      const f = svdOfMatrix(matrix, m, n, fullMatrices);
      const heap = heapOf('float64');
      heap.set(f.s, s.offset + index * k);
      if (u && vh) {
        heap.set(f.u, u.offset + index * m * uWidth);
        heap.set(f.vh, vh.offset + index * vRows * n);
      }
      index++;
    });
    const cast = (a: NDArray) => {
      if (dtype === 'float64') return a;
      temps.keep(a);
      return a.astype('float32');
    };
    if (!u || !vh) return cast(s);
    return [cast(u), cast(s), cast(vh)];
  } finally {
    temps.dispose();
  }
}
