// Empties dist/ before tsc writes it, so that a module renamed or removed in src/ is not shipped.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
