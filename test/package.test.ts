// The built package as users import it: the exports map, zero-config loading, browser-safe output.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import np, { nn } from 'nnbasics';
import * as fromSource from '../src/index.js';

const dist = new URL('../dist/', import.meta.url);

describe("import np, { nn } from 'nnbasics'", () => {
  test('works with no init call and picks the SIMD build where the runtime has SIMD', async () => {
    using x = np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.reshape(-1, 1).shape).toEqual([6, 1]);
    expect(nn.basicSigmoid(1)).toBe(0.7310585786300049);
    expect(np.nn).toBe(nn);
    const wasm = await import('../src/wasm.js');
    expect(wasm.simdSupported).toBe(true);
    expect(wasm.simdKernels?.simdEnabled()).toBe(1);
    expect(wasm.wasmKernels?.simdEnabled()).toBe(0);
  });

  test('without SIMD the fallback build is chosen and gives the same results', async () => {
    vi.resetModules();
    const flag = globalThis as { NNBASICS_DISABLE_SIMD?: boolean };
    flag.NNBASICS_DISABLE_SIMD = true;
    try {
      const fresh = (await import('../src/index.js')).default;
      expect(fresh.getBackend()).toBe('wasm');
      expect(() => fresh.setBackend('wasm-simd')).toThrow(/does not support wasm-simd/);
      using a = fresh.exp(fresh.linspace(-5, 5, 101));
      using b = np.exp(np.linspace(-5, 5, 101));
      expect(a.toArray()).toEqual(b.toArray());
    } finally {
      delete flag.NNBASICS_DISABLE_SIMD;
      vi.resetModules();
    }
  });

  test('importing the module twice (source and package) gives two working copies', () => {
    using a = np.arange(3);
    using b = fromSource.default.arange(3);
    expect(a.toArray()).toEqual(b.toArray());
    expect(a).not.toBeInstanceOf(fromSource.NDArray);
  });

  test('the compiled modules import only relative files with extensions (browser-safe)', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(new URL(file, dist), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\/.*\.js$/);
      }
      expect(text, file).not.toMatch(/\brequire\(/);
    }
  });

  test('package.json: ESM, exports with types, Node >= 20', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
      require: './dist/require.cjs',
    });
    expect(pkg.engines.node).toBe('>=20');
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });

  test('every module that installs methods on a prototype is listed in sideEffects', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    const patching = files.filter((file) =>
      /^\s*\w+\.prototype\.\w+\s*=|Object\.(assign|defineProperty)\(\w+\.prototype/m.test(
        readFileSync(new URL(file, dist), 'utf8'),
      ),
    );
    expect(patching.length).toBeGreaterThan(0);
    expect([...pkg.sideEffects].sort()).toEqual(patching.map((file) => `./dist/${file}`).sort());
  });

  test('np.version is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(np.version).toBe(pkg.version);
  });

  test('the declarations hold no internals and no base64, and need no lib setting', () => {
    const ndarray = readFileSync(new URL('ndarray.d.ts', dist), 'utf8');
    const body = ndarray.slice(ndarray.indexOf('export declare class NDArray'));
    for (const internal of ['block', 'lease', 'elementStrides', 'offset']) {
      expect(body, internal).not.toMatch(new RegExp(`^\\s+(readonly )?${internal}\\b`, 'm'));
    }
    for (const internal of ['view', 'check', 'printable', 'empty']) {
      expect(body, internal).not.toMatch(new RegExp(`^\\s+(static )?${internal}\\(`, 'm'));
    }
    expect(ndarray.startsWith('/// <reference lib="esnext.disposable"')).toBe(true);
    const declarations = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.d.ts'),
    );
    for (const file of declarations) {
      expect(readFileSync(new URL(file, dist)).length, file).toBeLessThan(30_000);
    }
  });
});
