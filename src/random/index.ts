// np.random: NumPy's legacy functions over one global RandomState (np.random.seed(1) then
// np.random.randn(...) gives NumPy's numbers), the RandomState class, and defaultRng.
import type { ArrayInput, NDArray } from '../ndarray.js';
import { type ChoiceOptions, RandomState } from './legacy.js';
import type { Dims, Size } from './sizes.js';
import { Generator, defaultRng } from './generator.js';

/** The generator behind the np.random.* functions, as NumPy's global RandomState. */
let global: RandomState | undefined;
function state(): RandomState {
  return (global ??= new RandomState());
}

export const random = {
  /** np.random.seed(s): reseeds the global generator (an integer in [0, 2**32 - 1]). */
  seed: (seed?: number | null) => state().seed(seed),
  /** np.random.rand(d0, d1, ...): uniform doubles in [0, 1). */
  rand: ((...dims: number[]) => state().rand(...dims)) as RandomState['rand'],
  /** np.random.randn(d0, d1, ...): standard normals. */
  randn: ((...dims: number[]) => state().randn(...dims)) as RandomState['randn'],
  /** np.random.randint(low, high?, size?): integers in [low, high). */
  randint: ((low: number, high?: number | null, size?: Size) =>
    state().randint(low, high ?? null, size as Dims)) as RandomState['randint'],
  /** np.random.random(size?): uniform doubles in [0, 1). */
  random: ((size?: Size) => state().random(size as Dims)) as RandomState['random'],
  /** np.random.random_sample(size?): uniform doubles in [0, 1). */
  randomSample: ((size?: Size) =>
    state().randomSample(size as Dims)) as RandomState['randomSample'],
  /** np.random.standard_normal(size?). */
  standardNormal: ((size?: Size) =>
    state().standardNormal(size as Dims)) as RandomState['standardNormal'],
  /** np.random.uniform(low = 0, high = 1, size?). */
  uniform: ((low?: number, high?: number, size?: Size) =>
    state().uniform(low ?? 0, high ?? 1, size as Dims)) as RandomState['uniform'],
  /** np.random.normal(loc = 0, scale = 1, size?). */
  normal: ((loc?: number, scale?: number, size?: Size) =>
    state().normal(loc ?? 0, scale ?? 1, size as Dims)) as RandomState['normal'],
  /** np.random.permutation(n | x): a shuffled arange(n), or a shuffled copy of x. */
  permutation: (x: number | ArrayInput) => state().permutation(x),
  /** np.random.shuffle(x): x shuffled in place along its first axis. */
  shuffle: (x: NDArray | unknown[]) => state().shuffle(x),
  /** np.random.choice(a, size?, {replace = true, p}). */
  choice: (a: number | ArrayInput, size?: Size, options?: ChoiceOptions) =>
    state().choice(a, size, options),
  /** np.random.RandomState(seed): NumPy's legacy generator (MT19937), number for number. */
  RandomState,
  /** np.random.Generator: NumPy's new generator over PCG64 (make one with defaultRng). */
  Generator,
  defaultRng,
};
