// docs/features.md, the NumPy coverage table, kept true: every name it lists exists, every
// public function of np is listed, and each one's documentation (its editor hover text) names the
// NumPy function it stands for.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import np from '../src/index.js';

const features = readFileSync(new URL('../docs/features.md', import.meta.url), 'utf8');
const rows = features
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split('|').slice(1, 3).map(codeSpans));

function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

/** np.random.seed -> np.random's seed; x.sum -> an array's; rng/rs -> a Generator's/RandomState's. */
function resolve(name: string): { found: boolean } {
  const [base, ...path] = name.split('.');
  using x = np.array([1, 2]);
  const roots: Record<string, unknown> = {
    np,
    x,
    rng: np.random.defaultRng(0),
    rs: new np.random.RandomState(0),
  };
  let value: unknown = roots[base];
  for (const key of path) {
    if (value === null || value === undefined || !(key in Object(value))) return { found: false };
    value = (value as Record<string, unknown>)[key];
  }
  return { found: value !== undefined || base === 'np' };
}

const listed = rows.flatMap(([, ours]) => ours).filter((name) => /^(np|x|rng|rs)\.\w/.test(name));

describe('docs/features.md', () => {
  test('lists names that exist', () => {
    expect(listed.length).toBeGreaterThan(150);
    const missing = listed.filter((name) => !resolve(name).found);
    expect(missing).toEqual([]);
  });

  test('lists every member of np, np.random and np.linalg', () => {
    const members = [
      ...Object.keys(np).map((key) => `np.${key}`),
      ...Object.keys(np.random).map((key) => `np.random.${key}`),
      ...Object.keys(np.linalg).map((key) => `np.linalg.${key}`),
    ].filter((name) => !['np.nn', 'np.random', 'np.linalg'].includes(name));
    const unlisted = members.filter((name) => !features.includes(`\`${name}\``));
    expect(unlisted).toEqual([]);
  });
});

// The hover text an editor shows for np.<name>: the JSDoc of np's property, or of what it points at.
function hoverTexts(): Map<string, string> {
  const entry = new URL('../src/np.ts', import.meta.url).pathname;
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.esnext.disposable.d.ts'],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry)!;
  const declaration = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations)
    .find((d) => d.name.getText(file) === 'np')!;
  const npSymbol = checker.getSymbolAtLocation(declaration.name)!;
  const texts = new Map<string, string>();
  const visit = (type: ts.Type, prefix: string) => {
    for (const property of type.getProperties()) {
      const propertyType = checker.getTypeOfSymbol(property);
      let text = ts.displayPartsToString(property.getDocumentationComment(checker));
      const signature = propertyType.getCallSignatures()[0];
      if (!text && signature) {
        text = ts.displayPartsToString(signature.getDocumentationComment(checker));
      }
      texts.set(`${prefix}${property.name}`, text);
      if (prefix === 'np.' && ['random', 'linalg', 'nn'].includes(property.name)) {
        visit(propertyType, `np.${property.name}.`);
      }
    }
  };
  visit(checker.getTypeOfSymbol(npSymbol), 'np.');
  return texts;
}

describe('documentation', () => {
  const texts = hoverTexts();

  test('every member of np, np.random, np.linalg and nn has hover text', () => {
    expect(texts.size).toBeGreaterThan(140);
    expect([...texts].filter(([, text]) => text.trim() === '').map(([name]) => name)).toEqual([]);
  });

  test("each function's hover text names its NumPy function", () => {
    const unnamed: string[] = [];
    for (const [numpy, ours] of rows) {
      if (numpy.length !== 1 || !/^np\./.test(numpy[0])) continue;
      for (const name of ours.filter((n) => texts.has(n))) {
        if (!texts.get(name)!.includes(numpy[0])) unnamed.push(`${name} (${numpy[0]})`);
      }
    }
    expect(unnamed).toEqual([]);
  });
});
