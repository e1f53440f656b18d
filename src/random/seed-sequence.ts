// NumPy's SeedSequence (numpy/random/bit_generator.pyx), for one integer seed: the seed's 32-bit
// words hashed into a pool of four, then drawn out as the words a bit generator is seeded with.
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** The seed's little-endian 32-bit words (NumPy's _int_to_uint32_array; [0] for 0). */
export function seedWords(seed: bigint): number[] {
  const words: number[] = [];
  let n = seed;
  if (n === 0n) return [0];
  while (n > 0n) {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return words;
}

/** SeedSequence(seed).generate_state(words) as 32-bit words. */
export function generateState(seed: bigint, count: number): Uint32Array {
  const entropy = seedWords(seed);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    return (v ^ (v >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Uint32Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  }
  const out = new Uint32Array(count);
  let constant = INIT_B;
  for (let i = 0; i < count; i++) {
    let value = (pool[i % POOL_SIZE] ^ constant) >>> 0;
    constant = Math.imul(constant, MULT_B) >>> 0;
    value = Math.imul(value, constant) >>> 0;
    out[i] = (value ^ (value >>> 16)) >>> 0;
  }
  return out;
}
