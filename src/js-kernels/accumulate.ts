// The js forms of assembly/reduce.ts's prod, cumsum, argmax and argmin row kernels.
import { SIZE, rounder, view } from './views.js';

function prodRows(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  const multiply = suffix === 'i32' ? Math.imul : (a: number, b: number) => a * b;
  const round = rounder(suffix);
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
  const round = rounder(suffix);
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

/** NumPy's argmax or argmin of each row: the first extreme; the first NaN wins. */
function argExtremeRows(suffix: 'f64' | 'f32' | 'i32', isMax: boolean) {
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
          if (isMax ? !(value <= best) : !(value >= best)) {
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
  accumulateKernels[`argmax_${s}`] = argExtremeRows(s, true);
  accumulateKernels[`argmin_${s}`] = argExtremeRows(s, false);
}
