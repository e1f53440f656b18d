// Installs the method forms of the ops on NDArray (x.add(y), x.sum(axis), ...). NDArray's
// module declares them; they live here because the ops sit above it.
import { type ArrayInput, type AxisArgument, NDArray } from './ndarray.js';
import * as ops from './ops/index.js';
import { dot, matmul } from './ops/linalg.js';
import { argmax, max, mean, min, sum } from './ops/reduce.js';

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
  dot(other: ArrayInput) {
    return dot(this, other);
  },
  matmul(other: ArrayInput) {
    return matmul(this, other);
  },
};

Object.assign(NDArray.prototype, methods);
