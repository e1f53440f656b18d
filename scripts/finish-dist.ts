// After tsc: the last touches to dist/.
// - dist/require.cjs, the package's "require" condition: nnbasics is an ES module (its loading
//   awaits the wasm build), and require('nnbasics') should say so, not that no main exists.
// - The generated wasm modules lose their source maps: a map of a base64 string would only
//   repeat the string (tsc inlines sources into every map, so that stack traces read src/).
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);

const message =
  'nnbasics is an ES module: use `import np from "nnbasics"` (or `await import("nnbasics")` in CommonJS)';
writeFileSync(
  new URL('require.cjs', dist),
  `// require('nnbasics'): nnbasics is an ES module only.\nthrow new Error(${JSON.stringify(message)});\n`,
);

const generated = new URL('generated/', dist);
for (const file of readdirSync(generated)) {
  const path = new URL(file, generated);
  if (file.endsWith('.js.map')) rmSync(path);
  else if (file.endsWith('.js')) {
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'),
    );
  }
}
