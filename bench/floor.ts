// The memory-bandwidth floor of `npm run bench`: how fast this machine can merely read the
// bytes an op must read. A probe (assembly/bench/read-floor.ts) reads arrays with v128 loads into
// four independent OR chains (no arithmetic to wait for) in its own wasm memory; an op that reads
// x (sum) cannot beat reading x, one that reads x and y (dot, L1, L2) reading both. It is measured
// as an engine is, in a process of its own (bench/engine-process.ts).
import { readFileSync } from 'node:fs';
import { FLOOR } from './engine-names.js';
import type { Engine, Op } from './nnbasics-engine.js';

const PROBE = new URL('../build/bench/read-floor.wasm', import.meta.url);
/** The ops with a floor: sum reads x; dot, L1 and L2 read x and y. */
const READS: Partial<Record<Op, 'x' | 'xy'>> = { sum: 'x', dot: 'xy', l1: 'xy', l2: 'xy' };

export function readFloor(): Engine {
  const probe = new WebAssembly.Module(readFileSync(PROBE));
  return {
    name: FLOOR,
    dtypes: ['float64', 'float32'],
    prepare(op, { x, y }) {
      const reads = READS[op];
      if (!reads) return undefined;
      const base = 65536;
      const bytes = x.byteLength; // read in 64-byte steps: up to 63 bytes past the end, still in memory
      const memory = new WebAssembly.Memory({ initial: Math.ceil((base + 2 * bytes) / 65536) });
      const view = (data: typeof x) => new Uint8Array(data.buffer, data.byteOffset, bytes);
      new Uint8Array(memory.buffer, base, bytes).set(view(x));
      new Uint8Array(memory.buffer, base + bytes, bytes).set(view(y));
      const { readAll } = new WebAssembly.Instance(probe, { env: { memory } }).exports as {
        readAll: (p: number, bytes: number) => number;
      };
      return {
        run:
          reads === 'x'
            ? () => void readAll(base, bytes)
            : () => {
                readAll(base, bytes);
                readAll(base + bytes, bytes);
              },
        dispose() {},
      };
    },
  };
}
