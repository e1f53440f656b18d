// The plain-JavaScript baselines that the tour, the bench harness and the playground measure
// nnbasics against: straightforward loops over typed arrays, as a user would write them.
// Plain JS (not TS), so that the playground can import this file as it is.

/** Rows of `cols` elements: calls fn(start, end) for each. */
function eachRow(n, cols, fn) {
  for (let r = 0; r < n; r += cols) fn(r, r + cols);
}

/** Each baseline writes into `out` (arrays) or returns a number (reductions). */
export const baselines = {
  exp(x, y, out, n) {
    for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
  },
  sigmoid(x, y, out, n) {
    for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-x[i]));
  },
  sigmoidDerivative(x, y, out, n) {
    for (let i = 0; i < n; i++) {
      const s = 1 / (1 + Math.exp(-x[i]));
      out[i] = s * (1 - s);
    }
  },
  sum(x, y, out, n) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    return s;
  },
  rowSum(x, y, out, n, cols) {
    eachRow(n, cols, (start, end) => {
      let s = 0;
      for (let i = start; i < end; i++) s += x[i];
      out[start / cols] = s;
    });
  },
  rowNorm(x, y, out, n, cols) {
    eachRow(n, cols, (start, end) => {
      let s = 0;
      for (let i = start; i < end; i++) s += x[i] * x[i];
      out[start / cols] = Math.sqrt(s);
    });
  },
  normalizeRows(x, y, out, n, cols) {
    eachRow(n, cols, (start, end) => {
      let s = 0;
      for (let i = start; i < end; i++) s += x[i] * x[i];
      const norm = Math.sqrt(s);
      for (let i = start; i < end; i++) out[i] = x[i] / norm;
    });
  },
  softmax(x, y, out, n, cols) {
    eachRow(n, cols, (start, end) => {
      let max = -Infinity;
      for (let i = start; i < end; i++) max = Math.max(max, x[i]);
      let s = 0;
      for (let i = start; i < end; i++) s += out[i] = Math.exp(x[i] - max);
      for (let i = start; i < end; i++) out[i] /= s;
    });
  },
  dot(x, y, out, n) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * y[i];
    return s;
  },
  l1(x, y, out, n) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(y[i] - x[i]);
    return s;
  },
  l2(x, y, out, n) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = y[i] - x[i];
      s += d * d;
    }
    return s;
  },
  /** out (side x side) = x (side x side) @ y, with n = side * side. */
  matmul(x, y, out, n) {
    const side = Math.round(Math.sqrt(n));
    out.fill(0, 0, n);
    for (let i = 0; i < side; i++) {
      for (let k = 0; k < side; k++) {
        const xik = x[i * side + k];
        for (let j = 0; j < side; j++) out[i * side + j] += xik * y[k * side + j];
      }
    }
  },
};

/** How many output elements each baseline writes (0: it returns a number). */
export function outputLength(op, n, cols) {
  if (['sum', 'dot', 'l1', 'l2'].includes(op)) return 0;
  return op === 'rowSum' || op === 'rowNorm' ? n / cols : n;
}

/**
 * The inputs the tour and the playground time: x (standard normal) as an NDArray, as rows of
 * `cols`, and as a plain Float64Array; a uniform target for the losses; an output buffer for
 * the baselines. `np` is the nnbasics namespace (passed in, so that this file imports nothing).
 */
export function demoInputs(np, n, cols) {
  const rng = np.random.defaultRng(0);
  const x = rng.standardNormal([n]);
  const matrix = x.reshape(n / cols, cols);
  const target = rng.random([n]);
  const plain = Float64Array.from(x.data);
  const plainTarget = Float64Array.from(target.data);
  const out = new Float64Array(n);
  return {
    x,
    matrix,
    target,
    /** A function that runs the baseline of `op` on the plain copies. */
    baseline: (op) => () => baselines[op](plain, plainTarget, out, n, cols),
    dispose: () => [x, matrix, target].forEach((a) => a.dispose()),
  };
}
