// Each thread's scratch memory: the buffers kernels stage data in. Kernel threads run one
// instance of the build per thread over the same memory (src/threads/), so each instance must
// stage in buffers of its own: the main thread's are this static block, a worker's a block below
// the heap that its instance is pointed at with setScratch before its first kernel.

/** The last elements of a row padded to a whole block (exp-map.ts): 64 bytes. */
export const TAIL_BLOCK_AT: usize = 0;
/** float32 log's two widened vectors (unary.ts): 32 bytes. */
export const LOG_F32_AT: usize = 64;
/** The sigmoid's chunk of exponentials (nn.ts): 2 KiB. */
export const SIGMOID_AT: usize = 128;
export const SIGMOID_CHUNK_BYTES: usize = 2048;
/** The pairwise sum's stack (pairwise.ts): 96 starts, 96 counts and 96 partial sums. */
export const PAIRWISE_AT: usize = SIGMOID_AT + SIGMOID_CHUNK_BYTES;
export const STACK_DEPTH: usize = 96;
/** A packed strip of B (linalg.ts): 8 KiB. */
export const PACKED_B_AT: usize = PAIRWISE_AT + STACK_DEPTH * 16;
export const PACK_BYTES: usize = 8192;
const SCRATCH_BYTES: usize = PACKED_B_AT + PACK_BYTES;

// The main thread's block lies just past the build's static data, where no data segment reaches:
// instantiating the build writes every data segment into the memory, zero-filled ones too, so a
// worker starting over the shared memory would wipe a block that memory.data reserved, under a
// kernel of the main thread that is staging in it (a product's packed strip of B, mid-product).
const MAIN_SCRATCH: usize = (__heap_base + 63) & ~(<usize>63);
let scratchBase: usize = MAIN_SCRATCH;

/** The address of a buffer at `offset` in this thread's scratch block. */
// @ts-ignore: decorator
@inline
export function scratch(offset: usize): usize {
  return scratchBase + offset;
}

/** Points this instance's scratch block at `at` (SCRATCH_BYTES, 64-byte aligned). */
export function setScratch(at: usize): void {
  scratchBase = at;
}

/** End of the main thread's scratch block: the first byte past this build's static memory. */
export function staticEnd(): usize {
  return MAIN_SCRATCH + SCRATCH_BYTES;
}

/** How many bytes a scratch block takes. */
export function scratchBytes(): usize {
  return SCRATCH_BYTES;
}
