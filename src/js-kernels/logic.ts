// The js forms of assembly/logic.ts: comparisons and float classification into bytes of 0/1,
// logical ops on bools, and where.
import { SIZE, type Suffix, mapKernel, view, zipKernel } from './views.js';

const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  less: (a, b) => a < b,
  lessEqual: (a, b) => a <= b,
  greater: (a, b) => a > b,
  greaterEqual: (a, b) => a >= b,
};

function where(suffix: Suffix) {
  const size = SIZE[suffix];
  return (
    rows: number,
    cols: number,
    c: number,
    cs0: number,
    cs1: number,
    x: number,
    xs0: number,
    xs1: number,
    y: number,
    ys0: number,
    ys1: number,
    out: number,
    os0: number,
    os1: number,
  ) => {
    const v = view(suffix);
    const cond = view('u8');
    for (let r = 0; r < rows; r++) {
      let ci = c + r * cs0;
      let xi = x / size + r * xs0;
      let yi = y / size + r * ys0;
      let oi = out / size + r * os0;
      for (let k = 0; k < cols; k++, ci += cs1, xi += xs1, yi += ys1, oi += os1) {
        v[oi] = cond[ci] !== 0 ? v[xi] : v[yi];
      }
    }
  };
}

export const logicKernels: Record<string, (...args: number[]) => unknown> = {
  logicalAnd_u8: zipKernel('u8', 'u8', (a, b) => a & b),
  logicalOr_u8: zipKernel('u8', 'u8', (a, b) => a | b),
  logicalXor_u8: zipKernel('u8', 'u8', (a, b) => a ^ b),
  logicalNot_u8: mapKernel('u8', 'u8', (x) => x ^ 1),
};
for (const s of ['f64', 'f32', 'i32', 'u8'] as const) {
  for (const [name, f] of Object.entries(COMPARISONS)) {
    logicKernels[`${name}_${s}`] = zipKernel(s, 'u8', (a, b) => (f(a, b) ? 1 : 0));
  }
  logicKernels[`where_${s}`] = where(s);
}
for (const s of ['f64', 'f32'] as const) {
  logicKernels[`isnan_${s}`] = mapKernel(s, 'u8', (x) => (x !== x ? 1 : 0));
  logicKernels[`isinf_${s}`] = mapKernel(s, 'u8', (x) => (Math.abs(x) === Infinity ? 1 : 0));
  logicKernels[`isfinite_${s}`] = mapKernel(s, 'u8', (x) => (Math.abs(x) < Infinity ? 1 : 0));
}
