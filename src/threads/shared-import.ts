// A wasm build's memory import, rewritten to import a shared memory. The kernels use no atomic
// instructions (the threads synchronise in JS, with Atomics on the same buffer), so a build that
// declares its imported memory shared is the same code over a SharedArrayBuffer: one build of
// each kind ships, and the threaded mode rewrites a few bytes of it at load instead of shipping a
// second compile (asc --sharedMemory) of every build. Kept small: it is fetched at start-up by
// every page that runs threads.

const IMPORT_SECTION = 2;
/** As asc writes the memory import: the field name "memory", the kind, limits without a maximum. */
const MEMORY_IMPORT = [6, ...new TextEncoder().encode('memory'), 2, 0];
const SHARED_WITH_MAXIMUM = 3;

/** An unsigned LEB128 at `at`: its value and where it ends. */
function readLeb(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let scale = 1; ; scale *= 128) {
    value += (bytes[at] & 0x7f) * scale;
    if (bytes[at++] < 0x80) return [value, at];
  }
}

function leb(value: number): number[] {
  const out = [];
  for (; value >= 0x80; value = Math.floor(value / 128)) out.push((value % 128) | 0x80);
  return [...out, value];
}

/**
 * The bytes of `build` with its memory import declared shared, of at most `maximumPages` (a
 * shared memory must declare a maximum); the minimum is kept. Throws when the build's import
 * section has no such memory import.
 */
export function withSharedMemoryImport(
  build: Uint8Array,
  maximumPages: number,
): Uint8Array<ArrayBuffer> {
  for (let at = 8; at < build.length;) {
    const [size, start] = readLeb(build, at + 1);
    const end = start + size;
    if (build[at] === IMPORT_SECTION) {
      for (let i = start; i < end - MEMORY_IMPORT.length; i++) {
        if (MEMORY_IMPORT.every((byte, j) => build[i + j] === byte)) {
          const limits = i + MEMORY_IMPORT.length - 1; // the flags byte
          const content = [
            ...build.subarray(start, limits),
            SHARED_WITH_MAXIMUM,
            ...build.subarray(limits + 1, readLeb(build, limits + 1)[1]),
            ...leb(maximumPages),
            ...build.subarray(readLeb(build, limits + 1)[1], end),
          ];
          const head = [...build.subarray(0, at + 1), ...leb(content.length)];
          return new Uint8Array([...head, ...content, ...build.subarray(end)]);
        }
      }
    }
    at = end;
  }
  throw new Error('nnbasics: the wasm build imports no memory');
}
