// Installs the method forms of the ops on NDArray (x.add(y), x.sum(axis), ...). NDArray's
// module declares them; they live here because the ops sit above it.
import { type ArrayInput, type AxisArgument, NDArray, type VarianceArgument } from './ndarray.js';
import * as ops from './ops/index.js';
import { dot, matmul } from './ops/linalg.js';
import { all, any, equal, greater, greaterEqual, less, lessEqual, notEqual } from './ops/logic.js';
import { clip, round } from './ops/math.js';
import { argmax, argmin, max, mean, min, prod, sum } from './ops/reduce.js';
import { squeeze } from './ops/shapes.js';
import { cumsum, std, variance } from './ops/statistics.js';

const methods: ThisType<NDArray> & Partial<NDArray> = {
  add(other: ArrayInput) {
    return ops.add(this, other);
  },
  sub(other: ArrayInput) {
    return ops.subtract(this, other);
  },
  mul(other: ArrayInput) {
    return ops.multiply(this, other);
  },
  div(other: ArrayInput) {
    return ops.divide(this, other);
  },
  pow(other: ArrayInput) {
    return ops.power(this, other);
  },
  maximum(other: ArrayInput) {
    return ops.maximum(this, other);
  },
  minimum(other: ArrayInput) {
    return ops.minimum(this, other);
  },
  exp() {
    return ops.exp(this);
  },
  log() {
    return ops.log(this);
  },
  sqrt() {
    return ops.sqrt(this);
  },
  tanh() {
    return ops.tanh(this);
  },
  abs() {
    return ops.abs(this);
  },
  square() {
    return ops.square(this);
  },
  negative() {
    return ops.negative(this);
  },
  sum(axis?: AxisArgument) {
    return sum(this, axis);
  },
  mean(axis?: AxisArgument) {
    return mean(this, axis);
  },
  max(axis?: AxisArgument) {
    return max(this, axis);
  },
  min(axis?: AxisArgument) {
    return min(this, axis);
  },
  argmax(axis?: number | null | { axis?: number | null; keepdims?: boolean }) {
    return argmax(this, axis);
  },
  argmin(axis?: number | null | { axis?: number | null; keepdims?: boolean }) {
    return argmin(this, axis);
  },
  prod(axis?: AxisArgument) {
    return prod(this, axis);
  },
  var(options?: VarianceArgument) {
    return variance(this, options);
  },
  std(options?: VarianceArgument) {
    return std(this, options);
  },
  cumsum(axis?: number | null) {
    return cumsum(this, axis);
  },
  all(axis?: AxisArgument) {
    return all(this, axis);
  },
  any(axis?: AxisArgument) {
    return any(this, axis);
  },
  eq(other: ArrayInput) {
    return equal(this, other);
  },
  ne(other: ArrayInput) {
    return notEqual(this, other);
  },
  lt(other: ArrayInput) {
    return less(this, other);
  },
  le(other: ArrayInput) {
    return lessEqual(this, other);
  },
  gt(other: ArrayInput) {
    return greater(this, other);
  },
  ge(other: ArrayInput) {
    return greaterEqual(this, other);
  },
  clip(min: ArrayInput | null, max: ArrayInput | null) {
    return clip(this, min, max) as NDArray;
  },
  round(decimals?: number) {
    return round(this, decimals) as NDArray;
  },
  squeeze(axis?: number | readonly number[] | null) {
    return squeeze(this, axis);
  },
  flatten() {
    const copy = this.copy();
    try {
      return copy.reshape(-1);
    } finally {
      copy.dispose();
    }
  },
  dot(other: ArrayInput) {
    return dot(this, other);
  },
  matmul(other: ArrayInput) {
    return matmul(this, other);
  },
};

Object.assign(NDArray.prototype, methods);
