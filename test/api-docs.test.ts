// docs/api/ is typedoc's reference of the public API (`npm run docs`), committed so that it can be
// read where the code is: it must be what typedoc writes from the source as it is now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function tree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.md'),
  );
  return Object.fromEntries(files.sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

test('docs/api is what npm run docs writes from the current source (typedoc, no warnings)', () => {
  const out = mkdtempSync(join(tmpdir(), 'nnbasics-api-'));
  try {
    const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
    execFileSync(process.execPath, [typedoc, '--out', out, '--logLevel', 'Warn'], {
      cwd: root,
      stdio: 'pipe',
    });
    const fresh = tree(out);
    expect(Object.keys(fresh).length).toBeGreaterThan(30);
    expect(tree(join(root, 'docs/api'))).toEqual(fresh);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
