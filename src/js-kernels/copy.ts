// The js forms of assembly/copy.ts: cast_<from>_<to>, NumPy's C casts between the four dtypes.
import { SIZE, type Suffix, mapKernel, view } from './views.js';

const SUFFIXES: readonly Suffix[] = ['f64', 'f32', 'i32', 'u8'];

/** One element as storing it in `to` gives (the typed array rounds float32 and wraps nothing else). */
function converter(from: Suffix, to: Suffix): (x: number) => number {
  if (to === 'u8') return (x) => (x !== 0 ? 1 : 0); // NaN is true
  if (to === 'i32' && (from === 'f64' || from === 'f32')) {
    // x86's cvttsd2si: out of range and NaN give INT32_MIN.
    return (x) => (x > -2147483649 && x < 2147483648 ? Math.trunc(x) : -2147483648);
  }
  return (x) => x;
}

export const copyKernels: Record<string, (...args: number[]) => unknown> = {};
for (const from of SUFFIXES) {
  for (const to of SUFFIXES)
    copyKernels[`cast_${from}_${to}`] = mapKernel(from, to, converter(from, to));
}

/** take_<s>(n, offsets, out): out[k] = the element at element offset offsets[k]. */
function take(suffix: Suffix) {
  return (n: number, offsets: number, out: number) => {
    const v = view(suffix);
    const at = view('i32');
    const o = out / SIZE[suffix];
    for (let k = 0; k < n; k++) v[o + k] = v[at[offsets / 4 + k]];
  };
}

/** gather_<s>(nOuter, outer, nStarts, starts, nInner, inner, innerRun, out): out over (o, k, i) = the element at outer[o] + starts[k] + inner[i] (innerRun: inner is one contiguous run from inner[0]). */
function gather(suffix: Suffix) {
  return (
    nOuter: number,
    outer: number,
    nStarts: number,
    starts: number,
    nInner: number,
    inner: number,
    innerRun: number,
    out: number,
  ) => {
    const v = view(suffix);
    const at = view('i32');
    let to = out / SIZE[suffix];
    for (let o = 0; o < nOuter; o++) {
      for (let k = 0; k < nStarts; k++) {
        const base = at[outer / 4 + o] + at[starts / 4 + k];
        for (let i = 0; i < nInner; i++)
          v[to++] = v[base + (innerRun ? at[inner / 4] + i : at[inner / 4 + i])];
      }
    }
  };
}

/** put_<s>(n, offsets, values, step): the element at offsets[k] = values[k * step]. */
function put(suffix: Suffix) {
  return (n: number, offsets: number, values: number, step: number) => {
    const v = view(suffix);
    const at = view('i32');
    const source = values / SIZE[suffix];
    for (let k = 0; k < n; k++) v[at[offsets / 4 + k]] = v[source + k * step];
  };
}

for (const s of SUFFIXES) {
  copyKernels[`take_${s}`] = take(s);
  copyKernels[`gather_${s}`] = gather(s);
  copyKernels[`put_${s}`] = put(s);
}
