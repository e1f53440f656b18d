// What every js kernel shares: the heap views by kernel suffix and the element sizes.
import { heap } from '../memory.js';

export type View = Float64Array | Float32Array | Int32Array | Uint8Array;
export type Suffix = 'f64' | 'f32' | 'i32' | 'u8';

export const SIZE: Record<Suffix, number> = { f64: 8, f32: 4, i32: 4, u8: 1 };

/** The heap's typed array for a kernel suffix (made anew after the memory grows). */
export function view(suffix: Suffix): View {
  const views = heap();
  return suffix === 'f64'
    ? views.f64
    : suffix === 'f32'
      ? views.f32
      : suffix === 'i32'
        ? views.i32
        : views.u8;
}

/** A kernel over one input and one output, each with its own suffix and two strides per row. */
export function mapKernel(from: Suffix, to: Suffix, f: (x: number) => number) {
  const inSize = SIZE[from];
  const outSize = SIZE[to];
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
    const v = view(from);
    const o = view(to);
    for (let r = 0; r < rows; r++) {
      let xi = x / inSize + r * xs0;
      let oi = out / outSize + r * os0;
      for (let c = 0; c < cols; c++, xi += xs1, oi += os1) o[oi] = f(v[xi]);
    }
  };
}

/** A kernel over two inputs of one suffix and an output of another. */
export function zipKernel(from: Suffix, to: Suffix, f: (a: number, b: number) => number) {
  const inSize = SIZE[from];
  const outSize = SIZE[to];
  return (
    rows: number,
    cols: number,
    a: number,
    as0: number,
    as1: number,
    b: number,
    bs0: number,
    bs1: number,
    out: number,
    os0: number,
    os1: number,
  ) => {
    const v = view(from);
    const o = view(to);
    for (let r = 0; r < rows; r++) {
      let ai = a / inSize + r * as0;
      let bi = b / inSize + r * bs0;
      let oi = out / outSize + r * os0;
      for (let c = 0; c < cols; c++, ai += as1, bi += bs1, oi += os1) o[oi] = f(v[ai], v[bi]);
    }
  };
}

/** Rounds a double result the way storing it in the suffix's type does (for accumulators). */
export function rounder(suffix: Suffix): (x: number) => number {
  return suffix === 'f32' ? Math.fround : suffix === 'f64' ? (x) => x : (x) => x | 0;
}
