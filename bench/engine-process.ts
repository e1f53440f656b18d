// One engine measured in a process of its own. bench/run.ts starts this file for every engine, on
// each input (all inputs at once with --quick), three times in a full run: so no engine's time
// depends on what the others left in the process before it (their arrays, a JS heap of a few GiB,
// V8's garbage collector at work on it, code placed elsewhere). A long-lived process that measured
// every engine in turn timed nnbasics' float64 exp at up to 1.5x its time in a fresh process, in
// every round. At N = 1e5 the arrays sit at the edge of this machine's L2 cache, and whether they
// fit depends on the physical pages a process happens to get, and a hot loop's speed on where V8
// places its code (up to 2x on the same code): so a cell keeps its best of three processes.
//
// Reads its request as JSON on stdin: the engine's name and the inputs, each with the ops to
// measure on it. Makes the inputs from the shared seed (bench/measure.ts) and prints one JSON line:
// each cell's median seconds per call and its output's signature, which run.ts checks against the
// reference. It runs on import: bench/run.ts imports only its types.
import { readFileSync } from 'node:fs';
import type { Backend } from 'nnbasics';
import { FLOOR, RELAXED } from './engine-names.js';
import type { DType, Engine, Op } from './nnbasics-engine.js';

export interface EngineRequest {
  engine: string;
  inputs: { dtype: DType; n: number; ops: Op[] }[];
}

export interface EngineCell {
  op: Op;
  dtype: DType;
  /** The input's N (matmul's cell is reported under its own; see bench/run.ts). */
  n: number;
  status: 'ok' | 'n/a' | 'error';
  median?: number;
  spread?: number;
  /** Absent for the read floor, which computes nothing to check. */
  signature?: number[];
  note?: string;
}

const request = JSON.parse(readFileSync(0, 'utf8')) as EngineRequest;
// Read by nnbasics at import: so every module that imports nnbasics is imported (dynamically)
// only after this line.
(globalThis as { NNBASICS_DISABLE_RELAXED_SIMD?: boolean }).NNBASICS_DISABLE_RELAXED_SIMD =
  request.engine !== RELAXED;
const { makeInputs, measure, signature } = await import('./measure.js');

/** The engine of that name, or why it cannot be measured in this process. */
async function loadEngine(name: string): Promise<Engine | string> {
  const { readFloor } = await import('./floor.js');
  if (name === FLOOR) return readFloor();
  const { default: np } = await import('nnbasics');
  const { nnbasics } = await import('./nnbasics-engine.js');
  if (name === RELAXED)
    return np.wasmFeatures().relaxedSimd
      ? nnbasics('wasm-simd', RELAXED)
      : 'this runtime did not give the relaxed SIMD build';
  // Where the runtime has relaxed SIMD too (Node 22+), the other nnbasics engines must still get
  // the plain build: the hook above is what keeps it.
  if (np.wasmFeatures().relaxedSimd) return 'the relaxed SIMD build loaded, not the plain one';
  if (name.startsWith('nnbasics ')) return nnbasics(name.slice('nnbasics '.length) as Backend);
  // Loaded only for the peers: a process measuring nnbasics does not load TensorFlow.js.
  const { PEERS } = await import('./engines.js');
  const peer = PEERS.find((e) => e.name === name);
  if (!peer) return `no engine named '${name}'`;
  if (peer.ready && !(await peer.ready().catch(() => false))) return `${name} did not initialise`;
  return peer;
}

function measureAll(engine: Engine): EngineCell[] {
  const cells: EngineCell[] = [];
  for (const { dtype, n, ops } of request.inputs) {
    if (!engine.dtypes.includes(dtype)) continue;
    const input = makeInputs(dtype, n);
    for (const op of ops) {
      let prepared;
      try {
        prepared = engine.prepare(op, input);
        if (!prepared) {
          cells.push({ op, dtype, n, status: 'n/a' });
          continue;
        }
        const output = prepared.output ? signature(prepared.output()) : undefined;
        const { median, spread } = measure(prepared.run);
        cells.push({ op, dtype, n, status: 'ok', median, spread, signature: output });
      } catch (error) {
        cells.push({ op, dtype, n, status: 'error', note: String(error).slice(0, 200) });
      } finally {
        prepared?.dispose();
      }
    }
  }
  return cells;
}

const engine = await loadEngine(request.engine);
console.log(
  JSON.stringify(typeof engine === 'string' ? { error: engine } : { cells: measureAll(engine) }),
);
