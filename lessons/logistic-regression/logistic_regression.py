"""The logistic-regression lesson's NumPy twin: the course's notebook (initialize_with_zeros,
propagate, optimize, predict, model), on the digits: is this digit a 3? Run through
lessons/twins.py; lessons/logistic-regression/logistic-regression.ts does the same steps."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data"))
from digits import load_digits, split  # noqa: E402

DIGIT = 3


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return {"dw": dw, "db": db}, float(np.squeeze(cost))


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, costs


def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction


def data():
    """The notebook's train_set_x, train_set_y, test_set_x, test_set_y for the digits."""
    train_x, train_labels, test_x, test_labels = split(*load_digits())
    flatten = lambda images: images.reshape(images.shape[0], -1).T / 16  # noqa: E731
    label = lambda labels: (labels == DIGIT).astype(np.float64).reshape(1, -1)  # noqa: E731
    return flatten(train_x), label(train_labels), flatten(test_x), label(test_labels)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
    w, b = params["w"], params["b"]
    train = 100 - np.mean(np.abs(predict(w, b, X_train) - Y_train)) * 100
    test = 100 - np.mean(np.abs(predict(w, b, X_test) - Y_test)) * 100
    return {"costs": costs, "train": float(train), "test": float(test), "w": w.ravel().tolist(), "b": float(b)}


def twin():
    X_train, Y_train, X_test, Y_test = data()
    result = model(X_train, Y_train, X_test, Y_test)
    result["rates"] = {str(lr): optimize(*initialize_with_zeros(64), X_train, Y_train, 1500, lr)[1] for lr in [0.5, 0.05, 0.005]}
    return result


if __name__ == "__main__":
    r = twin()
    for i, c in enumerate(r["costs"]):
        print("Cost after iteration %i: %f" % (i * 100, c))
    print("train accuracy: %.2f %%" % r["train"])
    print("test accuracy: %.2f %%" % r["test"])
