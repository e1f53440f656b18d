// nn: the neural-network basics built on np.
import { describe } from './errors.js';

/** The logistic function of one JS number, with Math.exp: 1 / (1 + e^-x). */
export function basicSigmoid(x: number): number {
  if (typeof x !== 'number') {
    throw new TypeError(`basicSigmoid: must be a real number, not ${describe(x)}`);
  }
  return 1 / (1 + Math.exp(-x));
}
