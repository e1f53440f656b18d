/**
 * A Node built-in (node:os, node:worker_threads), without an import statement that a bundler
 * for pages would try to resolve. Node 20.16 and later; callers check for it first.
 */
export function nodeModule(name: string): unknown {
  const process = (globalThis as { process?: { getBuiltinModule?(name: string): unknown } })
    .process;
  return process!.getBuiltinModule!(name);
}
