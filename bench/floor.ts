// The memory-bandwidth floor of `npm run bench`: how fast this machine can merely read the
// bytes an op must read. A probe (assembly/bench/read-floor.ts) reads arrays with v128 loads into
// four independent OR chains (no arithmetic to wait for) in its own wasm memory; an op that reads
// x (sum) cannot beat reading x, one that reads x and y (dot, L1, L2) reading both.
import { readFileSync } from 'node:fs';
import { measure } from './measure.js';

const PROBE = new URL('../build/bench/read-floor.wasm', import.meta.url);
let probe: Promise<WebAssembly.Module> | undefined;

/** Seconds to read x, and to read x then y, once each (the median of the shared protocol). */
export async function readFloor(
  x: Float64Array | Float32Array,
  y: Float64Array | Float32Array,
): Promise<{ x: number; xy: number }> {
  const base = 65536;
  const bytes = x.byteLength; // read in 64-byte steps: up to 63 bytes past the end, still in memory
  const memory = new WebAssembly.Memory({ initial: Math.ceil((base + 2 * bytes) / 65536) });
  new Uint8Array(memory.buffer, base, bytes).set(new Uint8Array(x.buffer, x.byteOffset, bytes));
  new Uint8Array(memory.buffer, base + bytes, bytes).set(
    new Uint8Array(y.buffer, y.byteOffset, bytes),
  );
  probe ??= WebAssembly.compile(readFileSync(PROBE));
  const instance = await WebAssembly.instantiate(await probe, { env: { memory } });
  const readAll = instance.exports.readAll as (p: number, bytes: number) => number;
  const onlyX = measure(() => readAll(base, bytes)).median;
  const both = measure(() => {
    readAll(base, bytes);
    readAll(base + bytes, bytes);
  }).median;
  return { x: onlyX, xy: both };
}
