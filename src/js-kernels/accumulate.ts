// The js forms of assembly/reduce.ts's prod, cumsum and argmin row kernels.
import { SIZE, type Suffix, view } from './views.js';

/** Rounds a result as storing it in the suffix's type does. */
function rounding(suffix: Suffix): (x: number) => number {
  return suffix === 'f32' ? Math.fround : suffix === 'f64' ? (x) => x : (x) => x | 0;
}

function prodRows(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  const multiply = suffix === 'i32' ? Math.imul : (a: number, b: number) => a * b;
  const round = rounding(suffix);
  return (
    rows: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os: number,
    accumulate: number,
  ) => {
    const v = view(suffix);
    for (let r = 0; r < rows; r++) {
      const xb = x / size + r * xs0;
      const o = out / size + r * os;
      let acc = accumulate ? v[o] : v[xb];
      for (let c = accumulate ? 0 : 1; c < cols; c++) acc = round(multiply(acc, v[xb + c * xs1]));
      v[o] = acc;
    }
  };
}

function cumsumRows(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  const round = rounding(suffix);
  return (
    rows: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os0: number,
    os1: number,
  ) => {
    const v = view(suffix);
    if (cols === 0) return;
    for (let r = 0; r < rows; r++) {
      const xb = x / size + r * xs0;
      const ob = out / size + r * os0;
      let acc = v[xb];
      v[ob] = acc;
      for (let c = 1; c < cols; c++) {
        acc = round(acc + v[xb + c * xs1]);
        v[ob + c * os1] = acc;
      }
    }
  };
}

function argminRows(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  return (
    rows: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os: number,
  ) => {
    const v = view(suffix);
    const indices = view('i32');
    for (let r = 0; r < rows; r++) {
      const xb = x / size + r * xs0;
      let best = v[xb];
      let index = 0;
      if (best === best) {
        for (let c = 1; c < cols; c++) {
          const value = v[xb + c * xs1];
          if (!(value >= best)) {
            best = value;
            index = c;
            if (value !== value) break;
          }
        }
      }
      indices[out / 4 + r * os] = index;
    }
  };
}

export const accumulateKernels: Record<string, (...args: number[]) => unknown> = {};
for (const s of ['f64', 'f32', 'i32'] as const) {
  accumulateKernels[`prod_${s}`] = prodRows(s);
  accumulateKernels[`cumsum_${s}`] = cumsumRows(s);
  accumulateKernels[`argmin_${s}`] = argminRows(s);
}
