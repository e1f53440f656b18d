"""The digits of digits.json as NumPy arrays, and the lessons' fixed split of them."""

import base64
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def load_digits():
    """images (1797, 8, 8) of floats 0..16 and labels (1797,) of ints."""
    data = json.loads((HERE / "digits.json").read_text())
    images = np.frombuffer(base64.b64decode(data["images"]), dtype=np.uint8).reshape(data["shape"])
    labels = np.frombuffer(base64.b64decode(data["labels"]), dtype=np.uint8)
    return images.astype(np.float64), labels.astype(np.int64)


def split(images, labels, train=1400):
    """A fixed train/test split: np.random.seed(0), a permutation, the first `train` to train on."""
    np.random.seed(0)
    order = np.random.permutation(len(labels))
    return images[order[:train]], labels[order[:train]], images[order[train:]], labels[order[train:]]
