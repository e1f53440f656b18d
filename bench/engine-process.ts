// One engine, measured in a process of its own: `tsx bench/engine-process.ts <engine name>`.
// bench/run.ts starts one for every engine on each input (on all inputs with --quick), in each
// round, so that no engine's time depends on what the others left in a process (their arrays, a
// JS heap of a few GiB, V8's garbage collector at work on it, code placed elsewhere): a
// long-lived process that measured every engine in turn timed nnbasics' float64 exp at up to
// 1.5x its time in a fresh one.
//
// It speaks bench/protocol.ts on stdin and stdout: it prepares a cell when asked (making the
// input from the shared seed, bench/measure.ts), times one sample of it per `sample` command, and
// disposes of it. run.ts checks the output's signature against the reference's.
import { createInterface } from 'node:readline';
import type { Backend } from 'nnbasics';
import { FLOOR, RELAXED, THREADED } from './engine-names.js';
import type { Engine, Inputs, Prepared } from './nnbasics-engine.js';
import type { Command, Hello, PrepareReply, SampleReply } from './protocol.js';

const engineName = process.argv[2];
// Read by nnbasics at import: so every module that imports nnbasics is imported (dynamically)
// only after this line.
(globalThis as { NNBASICS_DISABLE_RELAXED_SIMD?: boolean }).NNBASICS_DISABLE_RELAXED_SIMD =
  engineName !== RELAXED;
const { makeInputs, signature, takeSample, warmUp } = await import('./measure.js');

// stdout carries the protocol: whatever an engine prints (TensorFlow.js greets) goes to stderr.
const reply = (message: Hello | PrepareReply | SampleReply | Record<string, never>) =>
  process.stdout.write(JSON.stringify(message) + '\n');
console.log = console.info = console.warn = console.error;

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
  if (name === THREADED) {
    if (np.getThreads() === 1) return 'this runtime runs one thread';
    // A worker takes 35-55 ms to start; the first cell's warm-up should not be timed without it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return nnbasics('wasm-simd', THREADED, np.getThreads());
  }
  if (name.startsWith('nnbasics ')) return nnbasics(name.slice('nnbasics '.length) as Backend);
  // Loaded only for the peers: a process measuring nnbasics does not load TensorFlow.js.
  const { PEERS } = await import('./engines.js');
  const peer = PEERS.find((e) => e.name === name);
  if (!peer) return `no engine named '${name}'`;
  if (peer.ready && !(await peer.ready().catch(() => false))) return `${name} did not initialise`;
  return peer;
}

/** The cell being measured: its prepared op, the calls per sample and the time of one call. */
let cell: { prepared: Prepared; reps: number; callSeconds: number } | undefined;
/** The input of the cells being measured (the same for all the ops of one input). */
let input: Inputs | undefined;

function prepare(engine: Engine, command: Extract<Command, { cmd: 'prepare' }>): PrepareReply {
  const { op, dtype, n } = command;
  let prepared: Prepared | undefined;
  try {
    if (input?.dtype !== dtype || input.n !== n) input = makeInputs(dtype, n);
    prepared = engine.prepare(op, input);
    if (!prepared) return { status: 'n/a' };
    const output = prepared.output ? signature(prepared.output()) : undefined;
    const { reps, callSeconds } = warmUp(prepared.run);
    cell = { prepared, reps, callSeconds };
    return { status: 'ok', callSeconds, signature: output };
  } catch (error) {
    prepared?.dispose();
    return { status: 'error', note: String(error).slice(0, 200) };
  }
}

const engine = await loadEngine(engineName);
reply(typeof engine === 'string' ? { error: engine } : { ready: true });
if (typeof engine !== 'string') {
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as Command;
    if (command.cmd === 'prepare') reply(prepare(engine, command));
    else if (command.cmd === 'sample') {
      const { prepared, reps, callSeconds } = cell!;
      reply({ seconds: takeSample(prepared.run, reps, callSeconds) });
    } else {
      cell?.prepared.dispose();
      cell = undefined;
      reply({});
    }
  }
}
