// The engines `npm run bench` measures, each op written as a user of that library would write it.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import numjsModule from '@d4c/numjs';
import ndarray from 'ndarray';
import ops from 'ndarray-ops';
import { baselines, outputLength } from './baselines.js';

import { COLS, type Engine, MATMUL_SIDE, type Op } from './nnbasics-engine.js';

// ---------------------------------------------------------------- plain JavaScript loops

const plainJs: Engine = {
  name: 'plain JS',
  dtypes: ['float64'],
  prepare(op, { x, y, a, b, n }) {
    const cols = Math.min(COLS, n);
    const [left, right, size] = op === 'matmul' ? [a, b, MATMUL_SIDE * MATMUL_SIDE] : [x, y, n];
    const length = outputLength(op, size, cols);
    let out = new Float64Array(0);
    let scalar: number | void = 0;
    const run = () => {
      out = new Float64Array(length); // a fresh result each call, as the libraries return one
      scalar = baselines[op](left, right, out, size, cols);
    };
    return {
      run,
      output() {
        run();
        return length === 0 ? (scalar as number) : out;
      },
      dispose() {},
    };
  },
};

// ---------------------------------------------------------------- TensorFlow.js

const require = createRequire(import.meta.url);
let wasmReady: Promise<boolean> | undefined;

/** Registers tfjs-backend-wasm's files (from node_modules, no download) and one thread. */
async function tfBackend(name: 'cpu' | 'wasm'): Promise<boolean> {
  if (name === 'wasm') {
    wasmReady ??= (async () => {
      setWasmPaths(
        dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/',
      );
      setThreadsCount(1);
      return tf.setBackend('wasm');
    })();
    if (!(await wasmReady)) return false;
  }
  const ok = await tf.setBackend(name);
  await tf.ready();
  return ok;
}

function tfjs(backend: 'cpu' | 'wasm'): Engine {
  return {
    name: `tfjs-${backend}`,
    dtypes: ['float32'],
    ready: () => tfBackend(backend),
    prepare(op, inputs) {
      const cols = Math.min(COLS, inputs.n);
      const x = tf.tensor1d(inputs.x as Float32Array, 'float32');
      const y = tf.tensor1d(inputs.y as Float32Array, 'float32');
      const m = tf.reshape(x, [inputs.n / cols, cols]) as tf.Tensor2D;
      const a = tf.tensor2d(inputs.a as Float32Array, [MATMUL_SIDE, MATMUL_SIDE], 'float32');
      const b = tf.tensor2d(inputs.b as Float32Array, [MATMUL_SIDE, MATMUL_SIDE], 'float32');
      const call: () => tf.Tensor = {
        exp: () => tf.exp(x),
        sigmoid: () => tf.sigmoid(x),
        sum: () => tf.sum(x),
        rowSum: () => tf.sum(m, 1, true),
        rowNorm: () => tf.norm(m, 'euclidean', 1),
        normalizeRows: () => tf.tidy(() => tf.div(m, tf.norm(m, 'euclidean', 1, true))),
        softmax: () => tf.softmax(m),
        dot: () => tf.dot(x, y),
        l1: () => tf.tidy(() => tf.sum(tf.abs(tf.sub(y, x)))),
        l2: () => tf.tidy(() => tf.sum(tf.squaredDifference(y, x))),
        matmul: () => tf.matMul(a, b),
      }[op];
      return {
        run: () => call().dispose(),
        output() {
          const t = call();
          const values = t.dataSync();
          t.dispose();
          return t.rank === 0 ? values[0] : values;
        },
        dispose: () => [x, y, m, a, b].forEach((t) => t.dispose()),
      };
    },
  };
}

// ---------------------------------------------------------------- numjs

/** The part of numjs's API the bench uses (its typings do not describe the default export). */
interface NjArray {
  sum(): number;
  reshape(...shape: number[]): NjArray;
  flatten(): { tolist(): number[] };
}
interface Numjs {
  array(data: ArrayLike<number>, dtype: string): NjArray;
  exp(x: NjArray): NjArray;
  sigmoid(x: NjArray): NjArray;
  abs(x: NjArray): NjArray;
  subtract(a: NjArray, b: NjArray): NjArray;
  power(a: NjArray, p: number): NjArray;
  dot(a: NjArray, b: NjArray): NjArray;
}
const nj = ((numjsModule as unknown as { default?: Numjs }).default ??
  numjsModule) as unknown as Numjs;

const numjs: Engine = {
  name: 'numjs',
  dtypes: ['float64'],
  prepare(op, inputs) {
    const x = nj.array(inputs.x, 'float64');
    const y = nj.array(inputs.y, 'float64');
    const a = nj.array(inputs.a, 'float64').reshape(MATMUL_SIDE, MATMUL_SIDE);
    const b = nj.array(inputs.b, 'float64').reshape(MATMUL_SIDE, MATMUL_SIDE);
    // numjs has no axis reductions and no row-wise softmax: those ops are not measured.
    const call = (
      {
        exp: () => nj.exp(x),
        sigmoid: () => nj.sigmoid(x),
        sum: () => x.sum(),
        dot: () => nj.dot(x, y),
        l1: () => nj.abs(nj.subtract(y, x)).sum(),
        l2: () => nj.power(nj.subtract(y, x), 2).sum(),
        matmul: () => nj.dot(a, b),
      } as Partial<Record<Op, () => unknown>>
    )[op];
    if (!call) return undefined;
    const values = (result: unknown): ArrayLike<number> | number => {
      if (typeof result === 'number') return result;
      const flat = (result as NjArray).flatten().tolist();
      return flat.length === 1 && op === 'dot' ? flat[0] : flat;
    };
    return { run: () => void call(), output: () => values(call()), dispose() {} };
  },
};

// ---------------------------------------------------------------- ndarray + ndarray-ops

const ndarrayOps: Engine = {
  name: 'ndarray-ops',
  dtypes: ['float64'],
  prepare(op, inputs) {
    const n = inputs.n;
    const cols = Math.min(COLS, n);
    const x = ndarray(inputs.x as Float64Array);
    const y = ndarray(inputs.y as Float64Array);
    const m = ndarray(inputs.x as Float64Array, [n / cols, cols]);
    let out = ndarray(new Float64Array(0));
    let scalar = 0;
    const fresh = (shape: number[]) =>
      (out = ndarray(new Float64Array(shape.reduce((p, q) => p * q, 1)), shape));
    const eachRow = (
      fn: (row: ndarray.NdArray, outRow: ndarray.NdArray | undefined, r: number) => void,
      perRowOut: boolean,
    ) => {
      const o = fresh(perRowOut ? [n / cols, cols] : [n / cols]);
      for (let r = 0; r < n / cols; r++)
        fn(m.pick(r, null), perRowOut ? o.pick(r, null) : undefined, r);
    };
    const run = (
      {
        exp: () => ops.exp(fresh([n]), x),
        sigmoid: () => {
          const o = fresh([n]);
          ops.neg(o, x);
          ops.expeq(o);
          ops.addseq(o, 1);
          ops.recipeq(o);
        },
        sum: () => (scalar = ops.sum(x)),
        rowSum: () => eachRow((row, _, r) => out.set(r, ops.sum(row)), false),
        rowNorm: () => eachRow((row, _, r) => out.set(r, ops.norm2(row)), false),
        normalizeRows: () => eachRow((row, o) => ops.divs(o!, row, ops.norm2(row)), true),
        softmax: () =>
          eachRow((row, o) => {
            ops.subs(o!, row, ops.sup(row));
            ops.expeq(o!);
            ops.divseq(o!, ops.sum(o!));
          }, true),
        dot: () => {
          const t = fresh([n]);
          ops.mul(t, x, y);
          scalar = ops.sum(t);
        },
        l1: () => {
          const t = fresh([n]);
          ops.sub(t, y, x);
          ops.abseq(t);
          scalar = ops.sum(t);
        },
        l2: () => {
          const t = fresh([n]);
          ops.sub(t, y, x);
          ops.muleq(t, t);
          scalar = ops.sum(t);
        },
      } as Partial<Record<Op, () => void>>
    )[op];
    if (!run) return undefined; // matmul needs another package (ndarray-gemm)
    const scalarOps: Op[] = ['sum', 'dot', 'l1', 'l2'];
    return {
      run,
      output() {
        run();
        return scalarOps.includes(op) ? scalar : (out.data as Float64Array);
      },
      dispose() {},
    };
  },
};

/** The JS peers nnbasics is measured against, plain loops first. */
export const PEERS: Engine[] = [plainJs, tfjs('cpu'), tfjs('wasm'), numjs, ndarrayOps];
