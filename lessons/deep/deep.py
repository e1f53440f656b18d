"""The deep lesson's NumPy twin: an L-layer network (ReLU hidden layers, a softmax output, the
cross-entropy cost) on all ten digits, He initialisation after np.random.seed(3), mini-batches
drawn with np.random.permutation as the course's random_mini_batches draws them. Run through
lessons/twins.py; lessons/deep/deep.ts does the same steps."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data"))
from digits import load_digits, split  # noqa: E402

LAYERS = [64, 32, 16, 10]
EPOCHS = 40
BATCH = 64
LEARNING_RATE = 0.1


def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    p = {}
    for l in range(1, len(layers_dims)):
        p["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2.0 / layers_dims[l - 1])
        p["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return p


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    batches = []
    for k in range(m // mini_batch_size):
        part = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        batches.append((shuffled_X[:, part], shuffled_Y[:, part]))
    if m % mini_batch_size != 0:
        rest = slice((m // mini_batch_size) * mini_batch_size, m)
        batches.append((shuffled_X[:, rest], shuffled_Y[:, rest]))
    return batches


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def forward(X, p, L):
    caches = []
    A = X
    for l in range(1, L):
        Z = np.dot(p["W" + str(l)], A) + p["b" + str(l)]
        caches.append((A, Z))
        A = np.maximum(Z, 0)
    Z = np.dot(p["W" + str(L)], A) + p["b" + str(L)]
    caches.append((A, Z))
    return softmax(Z), caches


def compute_cost(AL, Y):
    """nn.crossEntropy(AL.T, Y.T): -sum(labels * log(probabilities)) / samples."""
    return -np.sum(Y.T * np.log(AL.T)) / AL.shape[1]


def backward(AL, Y, caches, p, L):
    m = Y.shape[1]
    grads = {}
    dZ = AL - Y
    for l in range(L, 0, -1):
        A_prev, Z = caches[l - 1]
        if l < L:
            dZ = dA * (Z > 0)  # noqa: F821 - dA from the layer above
        grads["dW" + str(l)] = (1 / m) * np.dot(dZ, A_prev.T)
        grads["db" + str(l)] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        dA = np.dot(p["W" + str(l)].T, dZ)
    return grads


def data():
    train_x, train_labels, test_x, test_labels = split(*load_digits())
    flatten = lambda images: images.reshape(images.shape[0], -1).T / 16  # noqa: E731
    one_hot = lambda labels: np.eye(10)[labels].T  # noqa: E731
    return flatten(train_x), one_hot(train_labels), flatten(test_x), test_labels


def twin():
    X, Y, X_test, test_labels = data()
    L = len(LAYERS) - 1
    p = initialize_parameters_he(LAYERS)
    W1 = p["W1"].copy()
    costs, accuracies = [], []
    seed = 10
    m = X.shape[1]
    for epoch in range(EPOCHS):
        seed = seed + 1
        total = 0.0
        for batch_X, batch_Y in random_mini_batches(X, Y, BATCH, seed):
            AL, caches = forward(batch_X, p, L)
            total += compute_cost(AL, batch_Y) * batch_X.shape[1]
            grads = backward(AL, batch_Y, caches, p, L)
            for l in range(1, L + 1):
                p["W" + str(l)] = p["W" + str(l)] - LEARNING_RATE * grads["dW" + str(l)]
                p["b" + str(l)] = p["b" + str(l)] - LEARNING_RATE * grads["db" + str(l)]
        costs.append(total / m)
        predicted = np.argmax(forward(X_test, p, L)[0], axis=0)
        accuracies.append(float(np.mean(predicted == test_labels) * 100))
    return {"W1": W1.tolist(), "costs": costs, "accuracies": accuracies,
            "predicted": predicted.tolist()}


if __name__ == "__main__":
    r = twin()
    for epoch, c in enumerate(r["costs"]):
        if (epoch + 1) % 10 == 0:
            print("Cost after epoch %i: %f" % (epoch + 1, c))
    print("test accuracy: %.2f %%" % r["accuracies"][-1])
