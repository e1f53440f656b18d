// The js forms of assembly/math.ts: trigonometric, hyperbolic, logarithmic and rounding ufuncs,
// arctan2, mod and floor_divide, with NumPy's rules (npy_divmod for floats, Python's for ints).
import { type Suffix, mapKernel, zipKernel } from './views.js';

/** Round half to even, as C's rint (and f64x2.nearest); x - floor(x) is exact below 2**52. */
function rint(x: number): number {
  if (!(Math.abs(x) < 2 ** 52)) return x; // integral already, or NaN
  const f = Math.floor(x);
  const d = x - f;
  const r = d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
}

function fmod(a: number, b: number): number {
  return a % b; // JS's % on numbers is C's fmod (exact)
}

/** NumPy's npy_divmod: [floored quotient, remainder with b's sign], in the dtype's rounding. */
function floatDivmod(a: number, b: number, round: (x: number) => number): [number, number] {
  let mod = round(fmod(a, b));
  if (b === 0) return [round(a / b), mod];
  let div = round(round(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = round(mod + b);
      div = round(div - 1);
    }
  } else {
    mod = b < 0 || Object.is(b, -0) ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (round(div - floordiv) > 0.5) floordiv = round(floordiv + 1);
  } else {
    const q = a / b;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function intFloorDivide(a: number, b: number): number {
  if (b === 0) return 0;
  if (b === -1) return -a | 0;
  const q = (a / b) | 0;
  return a % b !== 0 && a % b < 0 !== b < 0 ? q - 1 : q;
}

function intMod(a: number, b: number): number {
  if (b === 0 || b === -1) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

const UNARY: Record<string, (x: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  log1p: Math.log1p,
  expm1: Math.expm1,
  log2: Math.log2,
  log10: Math.log10,
  exp2: (x) => 2 ** x,
  floor: Math.floor,
  ceil: Math.ceil,
  trunc: Math.trunc,
  rint,
  sign,
  reciprocal: (x) => 1 / x,
};

export const mathKernels: Record<string, (...args: number[]) => unknown> = {
  sign_i32: mapKernel('i32', 'i32', sign),
  reciprocal_i32: mapKernel('i32', 'i32', (x) =>
    x === 1 ? 1 : x === -1 ? -1 : x === 0 ? -2147483648 : 0,
  ),
  mod_i32: zipKernel('i32', 'i32', intMod),
  floorDivide_i32: zipKernel('i32', 'i32', intFloorDivide),
};
for (const s of ['f64', 'f32'] as Suffix[]) {
  const round = s === 'f32' ? Math.fround : (x: number) => x;
  for (const [name, f] of Object.entries(UNARY)) mathKernels[`${name}_${s}`] = mapKernel(s, s, f);
  mathKernels[`arctan2_${s}`] = zipKernel(s, s, Math.atan2);
  mathKernels[`mod_${s}`] = zipKernel(s, s, (a, b) => floatDivmod(a, b, round)[1]);
  mathKernels[`floorDivide_${s}`] = zipKernel(s, s, (a, b) => floatDivmod(a, b, round)[0]);
}
