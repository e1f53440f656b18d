// The js forms of assembly/pcg64.ts: PCG64 and NumPy's Generator draws over the same state
// block, with BigInt for the 128-bit arithmetic (the reference backend: exact, not fast).
import { FI_DOUBLE, FI_FLOAT, KI_DOUBLE, KI_FLOAT, WI_DOUBLE, WI_FLOAT } from './ziggurat.js';
import { heap } from '../memory.js';

const MULT = (2549297995355413924n << 64n) | 4865540595714422341n;
const MASK64 = (1n << 64n) - 1n;
const MASK128 = (1n << 128n) - 1n;
const NOR_R = 3.6541528853610088;
const NOR_INV_R = 0.2736612373297583; // ziggurat_nor_inv_r, as NumPy writes it: 0.27366123732975827203338247596
const NOR_R_F = Math.fround(NOR_R);
const NOR_INV_R_F = Math.fround(NOR_INV_R);

/** A stream over the state block at byte address s: next64 (as BigInt), next32, doubles, floats. */
function stream(s: number) {
  const words = new BigUint64Array(heap().u8.buffer, s, 4);
  const small = new Uint32Array(heap().u8.buffer, s + 32, 2);
  let state = (words[0] << 64n) | words[1];
  const inc = (words[2] << 64n) | words[3];
  const next64 = (): bigint => {
    state = (state * MULT + inc) & MASK128;
    const hi = state >> 64n;
    const x = (hi ^ state) & MASK64;
    const rot = hi >> 58n;
    return ((x >> rot) | (x << ((64n - rot) & 63n))) & MASK64;
  };
  const next32 = (): number => {
    if (small[0]) {
      small[0] = 0;
      return small[1];
    }
    const next = next64();
    small[0] = 1;
    small[1] = Number(next >> 32n);
    return Number(next & 0xffffffffn);
  };
  const nextDouble = () => Number(next64() >> 11n) * (1.0 / 9007199254740992.0);
  const nextFloat = () => Math.fround((next32() >>> 8) * (1.0 / 16777216.0));
  const save = () => {
    words[0] = state >> 64n;
    words[1] = state & MASK64;
  };
  return { next64, next32, nextDouble, nextFloat, save };
}

type Stream = ReturnType<typeof stream>;

function gauss(g: Stream): number {
  for (;;) {
    let r = g.next64();
    const idx = Number(r & 0xffn);
    r >>= 8n;
    const sign = r & 1n;
    const rabs = (r >> 1n) & 0x000fffffffffffffn;
    let x = Number(rabs) * WI_DOUBLE[idx];
    if (sign) x = -x;
    if (rabs < KI_DOUBLE[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -NOR_INV_R * Math.log1p(-g.nextDouble());
        const yy = -Math.log1p(-g.nextDouble());
        if (yy + yy > xx * xx) return (rabs >> 8n) & 1n ? -(NOR_R + xx) : NOR_R + xx;
      }
    }
    if (
      (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * g.nextDouble() + FI_DOUBLE[idx] <
      Math.exp(-0.5 * x * x)
    )
      return x;
  }
}

function gaussF(g: Stream): number {
  const f = Math.fround;
  for (;;) {
    const r = g.next32();
    const idx = r & 0xff;
    const sign = (r >>> 8) & 1;
    const rabs = (r >>> 9) & 0x007fffff;
    let x = f(rabs * WI_FLOAT[idx]);
    if (sign) x = -x;
    if (rabs < KI_FLOAT[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = f(-NOR_INV_R_F * f(Math.log1p(-g.nextFloat())));
        const yy = f(-f(Math.log1p(-g.nextFloat())));
        if (f(yy + yy) > f(xx * xx)) return (rabs >>> 8) & 1 ? f(-(NOR_R_F + xx)) : f(NOR_R_F + xx);
      }
    }
    const left = f(f(f(FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * g.nextFloat()) + FI_FLOAT[idx]);
    if (left < Math.exp(-0.5 * x * x)) return x;
  }
}

function lemire32(g: Stream, rng: number): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return g.next32();
  const excl = rng + 1;
  // m = next32 * excl needs 64 bits: take it as BigInt.
  let m = BigInt(g.next32()) * BigInt(excl);
  let leftover = Number(m & 0xffffffffn);
  if (leftover < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (leftover < threshold) {
      m = BigInt(g.next32()) * BigInt(excl);
      leftover = Number(m & 0xffffffffn);
    }
  }
  return Number(m >> 32n);
}

function interval(g: Stream, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift;
  mask >>>= 0;
  let value: number;
  do value = (g.next32() & mask) >>> 0;
  while (value > max);
  return value;
}

/** A fill kernel: fn(stream, i) gives element i of the output view. */
function fill(view: 'f64' | 'f32' | 'i32', each: (g: Stream) => number) {
  return (s: number, out: number, n: number) => {
    const g = stream(s);
    const v = heap()[view];
    const start = out / v.BYTES_PER_ELEMENT;
    for (let i = 0; i < n; i++) v[start + i] = each(g);
    g.save();
  };
}

function swapDown(
  g: Stream,
  data: Int32Array,
  n: number,
  first: number,
  draw: (i: number) => number,
): void {
  for (let i = n - 1; i >= first; i--) {
    const j = draw(i);
    const t = data[i];
    data[i] = data[j];
    data[j] = t;
  }
  g.save();
}

export const pcg64Kernels: Record<string, (...args: number[]) => unknown> = {
  pcg64_random: fill('f64', (g) => g.nextDouble()),
  pcg64_random_f32: fill('f32', (g) => g.nextFloat()),
  pcg64_gauss: fill('f64', gauss),
  pcg64_gauss_f32: fill('f32', gaussF),
  pcg64_uniform(s: number, out: number, n: number, low: number, range: number) {
    fill('f64', (g) => low + range * g.nextDouble())(s, out, n);
  },
  pcg64_normal(s: number, out: number, n: number, loc: number, scale: number) {
    fill('f64', (g) => loc + scale * gauss(g))(s, out, n);
  },
  pcg64_bounded(s: number, out: number, n: number, low: number, rng: number) {
    fill('i32', (g) => (low + lemire32(g, rng >>> 0)) | 0)(s, out, n);
  },
  pcg64_shuffle(s: number, out: number, n: number) {
    const g = stream(s);
    const data = heap().i32.subarray(out / 4, out / 4 + n);
    for (let i = 0; i < n; i++) data[i] = i;
    swapDown(g, data, n, 1, (i) => interval(g, i));
  },
  pcg64_floyd(
    s: number,
    out: number,
    popSize: number,
    size: number,
    _set: number,
    setSize: number,
    shuffle: number,
  ) {
    const g = stream(s);
    const mask = setSize - 1;
    const set = new Map<number, number>(); // slot -> value (the hash set, slot for slot)
    const data = heap().i32.subarray(out / 4, out / 4 + size);
    for (let j = popSize - size; j < popSize; j++) {
      const value = lemire32(g, j);
      let loc = value & mask;
      while (set.has(loc) && set.get(loc) !== value) loc = (loc + 1) & mask;
      if (!set.has(loc)) {
        set.set(loc, value);
        data[j - popSize + size] = value;
      } else {
        loc = j & mask;
        while (set.has(loc)) loc = (loc + 1) & mask;
        set.set(loc, j);
        data[j - popSize + size] = j;
      }
    }
    if (shuffle) swapDown(g, data, size, 1, (i) => lemire32(g, i));
    else g.save();
  },
  pcg64_tail_shuffle(s: number, out: number, popSize: number, first: number) {
    const g = stream(s);
    const data = heap().i32.subarray(out / 4, out / 4 + popSize);
    for (let i = 0; i < popSize; i++) data[i] = i;
    swapDown(g, data, popSize, first, (i) => lemire32(g, i));
  },
};
