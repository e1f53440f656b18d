"""NumPy's side of `npm run bench`: times the same ops on the same inputs, with the same protocol.

Reads a JSON spec on stdin: {"cells": [{"op", "dtype", "n", "inputs": {name: path}}], "samples",
"minSampleSeconds"}; inputs are raw little-endian arrays written by bench/run.ts. Writes JSON to
stdout: one entry per cell with the median seconds per call, the quartiles, and the output's
signature (values at evenly spaced indices) for the correctness check. Progress goes to stderr.
"""
import json
import sys
import time

import numpy as np

COLS = 1000


def signature(result, count=64):
    flat = np.asarray(result, dtype=np.float64).reshape(-1)
    if flat.size <= count:
        return flat.tolist()
    index = np.linspace(0, flat.size - 1, count).round().astype(np.int64)
    return flat[index].tolist()


def prepare(op, arrays):
    x = arrays.get("x")
    y = arrays.get("y")
    m = x.reshape(-1, min(COLS, x.size)) if x is not None else None

    def softmax():
        e = np.exp(m - m.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    return {
        "exp": lambda: np.exp(x),
        "sigmoid": lambda: 1 / (1 + np.exp(-x)),
        "sum": lambda: np.sum(x),
        "rowSum": lambda: m.sum(axis=1, keepdims=True),
        "rowNorm": lambda: np.linalg.norm(m, axis=1),
        "normalizeRows": lambda: m / np.linalg.norm(m, axis=1, keepdims=True),
        "softmax": softmax,
        "dot": lambda: np.dot(x, y),
        "l1": lambda: np.sum(np.abs(y - x)),
        "l2": lambda: np.sum((y - x) ** 2),
        "matmul": lambda: arrays["a"] @ arrays["b"],
    }[op]


def measure(fn, samples, min_seconds):
    for _ in range(3):
        fn()
    reps = 1
    while True:
        start = time.perf_counter()
        for _ in range(reps):
            fn()
        if time.perf_counter() - start >= min_seconds or reps >= 1 << 20:
            break
        reps *= 2
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - start) / reps)
    times.sort()
    return times


def main():
    spec = json.load(sys.stdin)
    results = []
    for i, cell in enumerate(spec["cells"]):
        dtype = np.float32 if cell["dtype"] == "float32" else np.float64
        arrays = {name: np.fromfile(path, dtype=dtype) for name, path in cell["inputs"].items()}
        if "a" in arrays:
            side = int(round(arrays["a"].size ** 0.5))
            arrays["a"] = arrays["a"].reshape(side, side)
            arrays["b"] = arrays["b"].reshape(side, side)
        fn = prepare(cell["op"], arrays)
        times = measure(fn, spec["samples"], spec["minSampleSeconds"])
        results.append({
            "op": cell["op"], "dtype": cell["dtype"], "n": cell["n"],
            "median": times[len(times) // 2], "q1": times[len(times) // 4], "q3": times[(3 * len(times)) // 4],
            "signature": signature(fn()),
        })
        print(f"numpy {i + 1}/{len(spec['cells'])} {cell['op']} {cell['dtype']} {cell['n']}", file=sys.stderr)
    json.dump({"version": np.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
