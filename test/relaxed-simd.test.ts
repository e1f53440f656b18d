// The relaxed-SIMD build: chosen at load where the runtime validates it (this file runs only in
// the 'relaxed-simd' vitest project, under Node's --experimental-wasm-relaxed-simd), within 1 ulp
// of the plain builds on exp, 2 on the sigmoid (a 1-ulp change in e moves e / (1 + e)) and 4 on
// softmax (its sum, and its quotient, refined here only).
// The accuracy, operations, properties and nn suites also run in that project, against the same
// NumPy fixtures and tolerances.
import { afterEach, describe, expect, test } from 'vitest';
import np, { type NDArray, nn } from '../src/index.js';
import { ulpDistance } from './ulp.js';

afterEach(() => np.setBackend('wasm-simd'));

describe('the relaxed-SIMD build', () => {
  test('is the one the wasm-simd backend runs', () => {
    expect(np.wasmFeatures()).toEqual({ simd: true, relaxedSimd: true });
    expect(np.getBackend()).toBe('wasm-simd');
  });

  const cases: Record<string, [(x: NDArray) => NDArray, number]> = {
    exp: [(x) => np.exp(x), 1],
    sigmoid: [(x) => nn.sigmoid(x), 2],
    softmax: [(x) => nn.softmax(x.reshape(-1, 100)), 4],
  };
  for (const dtype of ['float64', 'float32'] as const) {
    for (const [name, [op, tolerance]] of Object.entries(cases)) {
      test(`${name} (${dtype}) is within ${tolerance} ulp of the no-SIMD build, and fuses somewhere`, () => {
        // Wide arguments: the fast path, the careful path (|x| > 700) and specials.
        const normal = np.random.defaultRng(7).standardNormal([20_000]);
        const wide = Array.from(normal.data, (v) => v * 40);
        const specials = [0, -0, 1e-300, 709.78, -745.1, 800, -800, Infinity, -Infinity, NaN];
        const x = np.array([...wide, ...specials, ...new Array(90).fill(0)], { dtype });
        const fused = op(x).ravel().data.slice();
        np.setBackend('wasm');
        const plain = op(x).ravel().data.slice();
        let differing = 0;
        for (let i = 0; i < fused.length; i++) {
          const ulps = ulpDistance(fused[i], plain[i], dtype);
          expect(ulps, `${name}(${x.get(i)})`).toBeLessThanOrEqual(tolerance);
          if (ulps > 0) differing++;
        }
        // Were every result identical, the fused build would not be running at all.
        expect(differing).toBeGreaterThan(0);
        normal.dispose();
        x.dispose();
      });
    }
  }
});
