// Types of bench/baselines.js.
type Floats = Float64Array | Float32Array;
type Baseline = (x: Floats, y: Floats, out: Floats, n: number, cols: number) => number | void;
export declare const baselines: Record<
  | 'exp'
  | 'sigmoid'
  | 'sigmoidDerivative'
  | 'sum'
  | 'rowSum'
  | 'rowNorm'
  | 'normalizeRows'
  | 'softmax'
  | 'dot'
  | 'l1'
  | 'l2'
  | 'matmul',
  Baseline
>;
export declare function outputLength(op: string, n: number, cols: number): number;
import type { NDArray, np as Np } from 'nnbasics';
export declare function demoInputs(
  np: typeof Np,
  n: number,
  cols: number,
): {
  x: NDArray;
  matrix: NDArray;
  target: NDArray;
  baseline(op: keyof typeof baselines): () => void;
  dispose(): void;
};
