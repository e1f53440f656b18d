"""The lessons' training loops in NumPy (their twins), timed: the best of three runs, seconds.
Prints one JSON object, lesson name -> seconds. Run by bench/lessons.ts."""

import json
import sys
import time
from pathlib import Path

LESSONS = Path(__file__).resolve().parent.parent / "lessons"
for folder in ["planar", "logistic-regression", "deep", "data"]:
    sys.path.insert(0, str(LESSONS / folder))

import deep  # noqa: E402
import logistic_regression  # noqa: E402
import planar  # noqa: E402


def best(fn, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def deep_training():
    X, Y, _, _ = deep.data()
    L = len(deep.LAYERS) - 1
    p = deep.initialize_parameters_he(deep.LAYERS)
    seed = 10
    for _ in range(deep.EPOCHS):
        seed += 1
        for bx, by in deep.random_mini_batches(X, Y, deep.BATCH, seed):
            AL, caches = deep.forward(bx, p, L)
            deep.compute_cost(AL, by)
            grads = deep.backward(AL, by, caches, p, L)
            for l in range(1, L + 1):
                p["W" + str(l)] = p["W" + str(l)] - deep.LEARNING_RATE * grads["dW" + str(l)]
                p["b" + str(l)] = p["b" + str(l)] - deep.LEARNING_RATE * grads["db" + str(l)]


if __name__ == "__main__":
    X, Y = planar.load_planar_dataset()
    lx, ly, _, _ = logistic_regression.data()
    print(json.dumps({
        "planar": best(lambda: planar.nn_model(X, Y, 4, 10000)),
        "logistic-regression": best(lambda: logistic_regression.optimize(*logistic_regression.initialize_with_zeros(64), lx, ly, 2000, 0.5)),
        "deep": best(deep_training),
    }))
