// The lessons, by name.
import type { Lesson } from './lesson.js';
import { planar } from './planar/planar.js';

export const LESSONS: readonly Lesson[] = [planar];
