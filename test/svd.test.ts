// np.linalg.svd's factors: u @ diag(s) @ vh gives x back, u and vh are orthonormal, for tall,
// wide, square, rank-deficient and stacked matrices, with full and reduced matrices (the
// singular values themselves are compared with NumPy's in test/breadth.test.ts).
import { describe, expect, test } from 'vitest';
import np, { type NDArray } from '../src/index.js';

/** The largest absolute element of a - b. */
function maxDiff(a: NDArray, b: NDArray): number {
  return np.tidy(() => np.max(np.abs(np.subtract(a, b))) as number);
}

/** The matrices of a stack transposed (the last two axes swapped). */
function mT(a: NDArray): NDArray {
  const axes = [...a.shape.keys()];
  [axes[a.ndim - 2], axes[a.ndim - 1]] = [axes[a.ndim - 1], axes[a.ndim - 2]];
  return a.transpose(axes);
}

function check(x: NDArray, fullMatrices: boolean): void {
  np.tidy(() => {
    const [u, s, vh] = np.linalg.svd(x, { fullMatrices }) as [NDArray, NDArray, NDArray];
    const [m, n] = x.shape.slice(-2);
    const k = Math.min(m, n);
    expect(u.shape.slice(-2)).toEqual([m, fullMatrices ? m : k]);
    expect(vh.shape.slice(-2)).toEqual([fullMatrices ? n : k, n]);
    const scale = Math.max(1, np.max(s) as number);
    // u[:, :k] * s @ vh[:k] reconstructs x.
    const uk = u.get('...', np.slice(0, k));
    const vk = vh.get('...', np.slice(0, k), ':');
    const back = np.matmul(
      np.multiply(uk as NDArray, np.expandDims(s, -2)),
      vk as NDArray,
    ) as NDArray;
    expect(maxDiff(back, x)).toBeLessThan(1e-13 * scale * Math.max(m, n));
    // Orthonormal columns of u and rows of vh.
    const eyeU = np.eye(u.shape.at(-1)!);
    const eyeV = np.eye(vh.shape.at(-2)!);
    const tolerance = 1e-13 * Math.max(m, n);
    expect(maxDiff(np.matmul(mT(u), u) as NDArray, eyeU), 'u orthonormal').toBeLessThan(tolerance);
    expect(maxDiff(np.matmul(vh, mT(vh)) as NDArray, eyeV), 'vh orthonormal').toBeLessThan(
      tolerance,
    );
    // Descending, non-negative.
    const values = s.toArray() as number[] | number[][];
    for (const row of (Array.isArray(values[0]) ? values : [values]) as number[][]) {
      row.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(v).toBeLessThanOrEqual(row[i - 1]);
      });
    }
  });
}

describe('svd factors', () => {
  const rng = np.random.defaultRng(64);
  test.each([
    [3, 3],
    [6, 4],
    [4, 6],
    [1, 5],
    [5, 1],
    [20, 20],
    [33, 20],
    [20, 33],
    [64, 64],
  ])('%i x %i', (m, n) => {
    using x = rng.standardNormal([m, n]);
    check(x, true);
    check(x, false);
  });

  test('rank-deficient matrices: zero singular values get orthonormal vectors too', () => {
    np.tidy(() => {
      const low = np.matmul(rng.standardNormal([8, 2]), rng.standardNormal([2, 6])) as NDArray;
      check(low, true);
      check(low, false);
      check(np.zeros([3, 4]), true);
      const s = np.linalg.svd(low, { computeUv: false }) as NDArray;
      expect((s.toArray() as number[]).slice(2).every((v) => v < 1e-13)).toBe(true);
    });
  });

  test('stacks of matrices are decomposed one by one', () => {
    using x = rng.standardNormal([3, 5, 4]);
    check(x, true);
    check(x, false);
  });

  test('float32 in, float32 out', () => {
    using x = rng.standardNormal([4, 3]).astype('float32');
    const [u, s, vh] = np.linalg.svd(x) as NDArray[];
    expect([u.dtype, s.dtype, vh.dtype]).toEqual(['float32', 'float32', 'float32']);
    [u, s, vh].forEach((a) => a.dispose());
  });
});
