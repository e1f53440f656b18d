// The lessons, by name.
import type { Lesson } from './lesson.js';
import { deep } from './deep/deep.js';
import { logisticRegression } from './logistic-regression/logistic-regression.js';
import { planar } from './planar/planar.js';

export const LESSONS: readonly Lesson[] = [logisticRegression, planar, deep];
