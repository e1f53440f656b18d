"""The per-call row of `npm run bench`, NumPy's side: the calls of a training step at the planar
network's shapes (bench/calls.ts has the list and its reasons). Speaks bench/calls.ts's line
protocol: prints {"ready": true}, then for each {"cmd": "check"} the names and a signature (the
sum of each call's result) and for each {"cmd": "sample", "reps": k} the seconds per call of k
calls of each, one after the other. NumPy as a script runs it: no tuning."""

import json
import sys
import time

import numpy as np

np.random.seed(1)
X = np.random.randn(2, 400)
W1 = np.random.randn(4, 2)
W2 = np.random.randn(1, 4)
b1 = np.random.randn(4, 1)
A = np.tanh(np.random.randn(4, 400))
B = np.random.randn(4, 400)
P = 1 / (1 + np.exp(-np.random.randn(1, 400)))
Q = np.abs(A)
v100 = np.random.randn(100)
v1000 = np.random.randn(1000)

CALLS = {
    "np.dot(W1, X)": lambda: np.dot(W1, X),
    "np.dot(W2, A)": lambda: np.dot(W2, A),
    "np.dot(P, A.T)": lambda: np.dot(P, A.T),
    "np.dot(A, X.T)": lambda: np.dot(A, X.T),
    "np.dot(W2.T, P)": lambda: np.dot(W2.T, P),
    "np.add(A, b1)": lambda: np.add(A, b1),
    "np.add(A, B)": lambda: np.add(A, B),
    "np.multiply(0.0025, A)": lambda: np.multiply(0.0025, A),
    "np.subtract(1, A)": lambda: np.subtract(1, A),
    "np.tanh(A)": lambda: np.tanh(A),
    "np.log(P)": lambda: np.log(P),
    "np.log(Q)": lambda: np.log(Q),
    "np.exp(A)": lambda: np.exp(A),
    "np.power(A, 2)": lambda: np.power(A, 2),
    "np.sum(A, axis=1, keepdims=True)": lambda: np.sum(A, axis=1, keepdims=True),
    "np.add(v100, v100)": lambda: np.add(v100, v100),
    "np.add(v1000, v1000)": lambda: np.add(v1000, v1000),
    "np.multiply(2, v100)": lambda: np.multiply(2, v100),
    "np.exp(v1000)": lambda: np.exp(v1000),
}


def sample(fn, reps):
    start = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - start) / reps


print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    command = json.loads(line)
    if command["cmd"] == "check":
        reply = {name: float(np.sum(fn())) for name, fn in CALLS.items()}
    else:
        reply = {name: sample(fn, command["reps"]) for name, fn in CALLS.items()}
    print(json.dumps(reply), flush=True)
