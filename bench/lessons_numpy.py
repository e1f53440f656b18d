"""One run of a lesson's training loop in NumPy (its twin), timed: `python3 lessons_numpy.py
planar` prints the seconds it took. bench/lessons.ts runs it once per round, between runs of the
nnbasics loop, so that both sides' samples share the machine's states.
"""

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


def deep_training():
    X, Y, _, _ = deep.data()
    L = len(deep.LAYERS) - 1

    def train():
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

    return train


def planar_training():
    X, Y = planar.load_planar_dataset()
    return lambda: planar.nn_model(X, Y, 4, 10000)


def logistic_training():
    lx, ly, _, _ = logistic_regression.data()
    return lambda: logistic_regression.optimize(*logistic_regression.initialize_with_zeros(64), lx, ly, 2000, 0.5)


TRAININGS = {
    "planar": planar_training,
    "logistic-regression": logistic_training,
    "deep": deep_training,
}

if __name__ == "__main__":
    train = TRAININGS[sys.argv[1]]()
    start = time.perf_counter()
    train()
    print(json.dumps(time.perf_counter() - start))
