// The ops `npm run bench` measures, their inputs, and nnbasics as an engine (each op written as a
// user would write it). Kept apart from the peers (engines.ts) so that a process measuring only
// nnbasics (bench/engine-process.ts) does not load TensorFlow.js.
import np, { type Backend, type NDArray, nn } from 'nnbasics';

export const OPS = [
  'exp',
  'sigmoid',
  'sum',
  'rowSum',
  'rowNorm',
  'normalizeRows',
  'softmax',
  'dot',
  'l1',
  'l2',
  'matmul',
] as const;
export type Op = (typeof OPS)[number];
/** The ops whose kernels differ between the SIMD and relaxed-SIMD builds (exp inside). */
export const EXP_BOUND_OPS: readonly Op[] = ['exp', 'sigmoid', 'softmax'];
export type DType = 'float64' | 'float32';
export const COLS = 1000;
export const MATMUL_SIDE = 256;

/** The same data for every engine: x (standard normal · 2), y (uniform), a and b (matmul). */
export interface Inputs {
  dtype: DType;
  n: number;
  x: Float64Array | Float32Array;
  y: Float64Array | Float32Array;
  a: Float64Array | Float32Array;
  b: Float64Array | Float32Array;
}

export interface Prepared {
  run(): void;
  /**
   * The result's values (or the number), read once for the correctness check; absent only for
   * the read floor, which computes nothing.
   */
  output?(): ArrayLike<number> | number;
  dispose(): void;
}

export interface Engine {
  name: string;
  dtypes: readonly DType[];
  prepare(op: Op, inputs: Inputs): Prepared | undefined;
  /** For an engine that loads asynchronously (TensorFlow.js): false when it could not. */
  ready?(): Promise<boolean>;
}

/**
 * nnbasics on one backend (named otherwise for the relaxed-SIMD build and the threads), on one
 * thread unless told.
 */
export function nnbasics(backend: Backend, name = `nnbasics ${backend}`, threads = 1): Engine {
  return {
    name,
    dtypes: ['float64', 'float32'],
    prepare(op, inputs) {
      np.setBackend(backend);
      np.setThreads(threads);
      const dtype = inputs.dtype;
      const x = np.array(inputs.x, { dtype });
      const y = np.array(inputs.y, { dtype });
      const m = x.reshape(-1, Math.min(COLS, inputs.n));
      // reshape gives views: the flat arrays go with them in dispose().
      const flatA = np.array(inputs.a, { dtype });
      const flatB = np.array(inputs.b, { dtype });
      const a = flatA.reshape(MATMUL_SIDE, MATMUL_SIDE);
      const b = flatB.reshape(MATMUL_SIDE, MATMUL_SIDE);
      const call: () => NDArray | number = {
        exp: () => np.exp(x),
        sigmoid: () => nn.sigmoid(x),
        sum: () => np.sum(x),
        rowSum: () => np.sum(m, { axis: 1, keepdims: true }),
        rowNorm: () => np.linalg.norm(m, { axis: 1 }),
        normalizeRows: () => nn.normalizeRows(m),
        softmax: () => nn.softmax(m),
        dot: () => np.dot(x, y),
        l1: () => nn.l1(x, y),
        l2: () => nn.l2(x, y),
        matmul: () => np.matmul(a, b),
      }[op];
      return {
        run() {
          np.setBackend(backend);
          const result = call();
          if (typeof result !== 'number') result.dispose();
        },
        output() {
          np.setBackend(backend);
          const result = call();
          if (typeof result === 'number') return result;
          using flat = result.ravel();
          result.dispose();
          return Array.from(flat.data);
        },
        dispose: () => [x, y, m, a, b, flatA, flatB].forEach((v) => v.dispose()),
      };
    },
  };
}
