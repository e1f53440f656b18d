// Not part of the package: the memory-bandwidth probe of `npm run bench` (bench/floor.ts), built
// by scripts/build-wasm.ts into build/bench/. It reads `bytes` bytes from p with v128 loads into
// four independent OR chains: nothing to wait for but the loads themselves.
export function readAll(p: usize, bytes: usize): i32 {
  let a = i64x2.splat(0);
  let b = a;
  let c = a;
  let d = a;
  for (let i: usize = 0; i < bytes; i += 64) {
    a = v128.or(a, v128.load(p + i));
    b = v128.or(b, v128.load(p + i, 16));
    c = v128.or(c, v128.load(p + i, 32));
    d = v128.or(d, v128.load(p + i, 48));
  }
  return i32x4.extract_lane(v128.or(v128.or(a, b), v128.or(c, d)), 0);
}
