// The js forms of assembly/mt19937.ts: NumPy's legacy MT19937 stream over the same state block
// (624 words, the position, the cached normal), with the same draws.
import { logRounded } from '../double-double.js';
import { heap } from '../memory.js';

const N = 624;
const M = 397;
const POS = N; // in 32-bit words
const HAS_GAUSS = N + 1;
const GAUSS_BYTES = (N + 2) * 4; // the cached normal, a float64
const TEMPERED = N + 4; // in 32-bit words: the block's words tempered (the wasm kernels read these)

function temper(word: number): number {
  let y = word;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

function generate(key: Uint32Array, base: number): void {
  const mix = (i: number, j: number, k: number) => {
    const y = (key[base + i] & 0x80000000) | (key[base + j] & 0x7fffffff);
    key[base + i] = key[base + k] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
  };
  let i = 0;
  for (; i < N - M; i++) mix(i, i + 1, i + M);
  for (; i < N - 1; i++) mix(i, i + 1, i + M - N);
  mix(N - 1, 0, M - 1);
  key[base + POS] = 0;
  for (let k = 0; k < N; k++) key[base + TEMPERED + k] = temper(key[base + k]);
}

/** A reader of the state at byte address `state`: next32, nextDouble, gauss. */
function stream(state: number) {
  const words = new Uint32Array(heap().u8.buffer);
  const base = state / 4;
  const next32 = (): number => {
    if (words[base + POS] === N) generate(words, base);
    return words[base + TEMPERED + words[base + POS]++];
  };
  const nextDouble = () => {
    const a = next32() >>> 5;
    const b = next32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  };
  const f64 = heap().f64;
  const gauss = (): number => {
    if (words[base + HAS_GAUSS]) {
      words[base + HAS_GAUSS] = 0;
      const kept = f64[(state + GAUSS_BYTES) / 8];
      f64[(state + GAUSS_BYTES) / 8] = 0;
      return kept;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    // A correctly rounded log (V8's Math.log is fdlibm's, off in the last bit on about 3% of
    // these inputs; glibc's, which NumPy calls, on about 0.07%).
    const f = Math.sqrt((-2.0 * logRounded(r2)) / r2);
    f64[(state + GAUSS_BYTES) / 8] = f * x1;
    words[base + HAS_GAUSS] = 1;
    return f * x2;
  };
  const interval = (max: number): number => {
    if (max === 0) return 0;
    let mask = max;
    for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift;
    mask >>>= 0;
    let value: number;
    do value = (next32() & mask) >>> 0;
    while (value > max);
    return value;
  };
  return { next32, nextDouble, gauss, interval };
}

export const mt19937Kernels: Record<string, (...args: number[]) => unknown> = {
  mt19937_stateBytes: () => (TEMPERED + N) * 4,
  mt19937_seed(state: number, seed: number) {
    const words = new Uint32Array(heap().u8.buffer);
    const base = state / 4;
    let s = seed >>> 0;
    for (let pos = 0; pos < N; pos++) {
      words[base + pos] = s;
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + pos + 1) >>> 0;
    }
    words[base + POS] = N;
    words[base + HAS_GAUSS] = 0;
    heap().f64[(state + GAUSS_BYTES) / 8] = 0;
  },
  mt19937_random(state: number, out: number, n: number) {
    const { nextDouble } = stream(state);
    const f64 = heap().f64;
    for (let i = 0; i < n; i++) f64[out / 8 + i] = nextDouble();
  },
  mt19937_uniform(state: number, out: number, n: number, low: number, range: number) {
    const { nextDouble } = stream(state);
    const f64 = heap().f64;
    for (let i = 0; i < n; i++) f64[out / 8 + i] = low + range * nextDouble();
  },
  mt19937_gauss(state: number, out: number, n: number) {
    const { gauss } = stream(state);
    const f64 = heap().f64;
    for (let i = 0; i < n; i++) f64[out / 8 + i] = gauss();
  },
  mt19937_normal(state: number, out: number, n: number, loc: number, scale: number) {
    const { gauss } = stream(state);
    const f64 = heap().f64;
    for (let i = 0; i < n; i++) f64[out / 8 + i] = loc + scale * gauss();
  },
  mt19937_bounded(state: number, out: number, n: number, low: number, rng: number) {
    const { next32, interval } = stream(state);
    const i32 = heap().i32;
    const range = rng >>> 0;
    for (let i = 0; i < n; i++) {
      const value = range === 0xffffffff ? next32() : interval(range);
      i32[out / 4 + i] = (low + value) | 0;
    }
  },
  mt19937_shuffle(state: number, out: number, n: number) {
    const { interval } = stream(state);
    const i32 = heap().i32;
    const o = out / 4;
    for (let i = 0; i < n; i++) i32[o + i] = i;
    for (let i = n - 1; i >= 1; i--) {
      const j = interval(i);
      const t = i32[o + i];
      i32[o + i] = i32[o + j];
      i32[o + j] = t;
    }
  },
};
