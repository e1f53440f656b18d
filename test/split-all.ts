// Setup for the 'threads' vitest project: every op that can split over kernel threads splits at
// every size (src/threads/pool.ts reads this at import), so that the NumPy fixture suites run
// through every split path, on shapes with every kind of tail.
(globalThis as { NNBASICS_SPLIT_ALL?: boolean }).NNBASICS_SPLIT_ALL = true;
