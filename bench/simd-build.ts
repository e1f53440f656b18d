// One SIMD build of nnbasics measured in a process of its own, on the ops the relaxed-SIMD build
// changes (exp, sigmoid, softmax: its fused multiply-adds are in the exp cores). bench/run.ts
// starts this file for each input (dtype and N in argv), for each build (three times each in a full
// run, alternating, keeping each op's best time), so that the relaxed-SIMD build (Node 20 validates
// it only with --experimental-wasm-relaxed-simd) and the plain one are compared on equal terms: at
// N = 1e5 the arrays sit at the edge of this machine's L2 cache, and whether they fit depends on
// the physical pages a process happens to get, and a hot loop's speed on where V8 places its code
// (up to 2x on the same code). Prints one JSON line: each op's median seconds per call and its
// output's signature, which run.ts checks as it does every other engine's. It runs on import:
// bench/run.ts imports only its types.
import type { DType, Op } from './nnbasics-engine.js';

export type SimdBuild = 'plain' | 'relaxed';

export interface BuildCell {
  op: Op;
  median?: number;
  spread?: number;
  signature?: number[];
  error?: string;
}

const [build, dtype, n] = [
  process.argv[2] as SimdBuild,
  process.argv[3] as DType,
  Number(process.argv[4]),
];
// Read by nnbasics at import: so the imports below are dynamic, after this line.
(globalThis as { NNBASICS_DISABLE_RELAXED_SIMD?: boolean }).NNBASICS_DISABLE_RELAXED_SIMD =
  build === 'plain';
const { default: np } = await import('nnbasics');
const { EXP_BOUND_OPS, nnbasics } = await import('./nnbasics-engine.js');
const { makeInputs, measure, signature } = await import('./measure.js');

if (np.wasmFeatures().relaxedSimd !== (build === 'relaxed')) {
  console.log(JSON.stringify({ error: `this runtime did not give the ${build} SIMD build` }));
} else {
  const engine = nnbasics('wasm-simd');
  const input = makeInputs(dtype, n);
  const cells: BuildCell[] = [];
  for (const op of EXP_BOUND_OPS) {
    const prepared = engine.prepare(op, input)!;
    try {
      const output = signature(prepared.output());
      const { median, spread } = measure(prepared.run);
      cells.push({ op, median, spread, signature: output });
    } catch (error) {
      cells.push({ op, error: String(error).slice(0, 200) });
    } finally {
      prepared.dispose();
    }
  }
  console.log(JSON.stringify({ cells }));
}
