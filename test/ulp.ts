// Distances in units in the last place, for float64 and float32 values.
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Position of x on the line of floats of its kind (monotonic, -0 and +0 adjacent at 0). */
function ordinal(x: number, kind: 'float64' | 'float32'): bigint {
  let bits: bigint;
  if (kind === 'float64') {
    f64[0] = x;
    bits = i64[0];
  } else {
    f32[0] = x;
    bits = BigInt(i32[0]);
  }
  const signBit = kind === 'float64' ? 1n << 63n : 1n << 31n;
  return bits < 0n ? -(bits + signBit) : bits;
}

/** ULPs between a and b: 0 when both are NaN or equal, Infinity when only one is NaN. */
export function ulpDistance(a: number, b: number, kind: 'float64' | 'float32'): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const d = ordinal(a, kind) - ordinal(b, kind);
  return Number(d < 0n ? -d : d);
}
