"""The planar lesson's NumPy twin: the course's notebook, step for step, on the flower data set.

Run by `npm run fixtures` (through lessons/twins.py), which records what it returns in
test/fixtures/lessons.json; lessons/planar/planar.ts does the same steps with nnbasics.
"""

import numpy as np


def load_planar_dataset():
    np.random.seed(1)
    m = 400  # number of examples
    N = int(m / 2)  # number of points per class
    D = 2  # dimensionality
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype="uint8")
    a = 4  # maximum ray of the flower
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2  # theta
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, p):
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    return float(np.squeeze(cost))


def backward_propagation(p, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(p["W2"].T, dZ2) * (1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(p, grads, learning_rate=1.2):
    return {k: p[k] - learning_rate * grads["d" + k] for k in ["W1", "b1", "W2", "b2"]}


def nn_model(X, Y, n_h, num_iterations=10000, costs=None):
    np.random.seed(3)
    p = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, p)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(p, cache, X, Y)
        p = update_parameters(p, grads)
        if costs is not None and i % 1000 == 0:
            costs.append(cost)
    return p


def predict(p, X):
    A2, _ = forward_propagation(X, p)
    return A2 > 0.5


def accuracy(Y, predictions):
    # The notebook's formula; float() of its (1, 1) result needs squeeze in NumPy 2.
    return float(np.squeeze((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size) * 100))


def twin():
    X, Y = load_planar_dataset()
    costs = []
    p = nn_model(X, Y, 4, num_iterations=10000, costs=costs)
    sweep = {}
    for n_h in [1, 2, 3, 4, 5, 20, 50]:
        q = nn_model(X, Y, n_h, num_iterations=5000)
        sweep[str(n_h)] = accuracy(Y, predict(q, X))
    return {
        "X": X.tolist(),
        "Y": Y.tolist(),
        "W1": initialize_parameters(2, 4, 1)["W1"].tolist(),
        "costs": costs,
        "accuracy": accuracy(Y, predict(p, X)),
        "sweep": sweep,
    }


if __name__ == "__main__":
    result = twin()
    for i, c in enumerate(result["costs"]):
        print("Cost after iteration %i: %f" % (i * 1000, c))
    print("Accuracy: %.2f %%" % result["accuracy"])
    for n_h, a in result["sweep"].items():
        print("Accuracy for %s hidden units: %.2f %%" % (n_h, a))
