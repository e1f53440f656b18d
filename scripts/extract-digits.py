"""Writes lessons/data/digits.json: the UCI optical handwritten digits as scikit-learn bundles
them (1,797 images of 8 x 8 pixels, values 0..16, and their labels), compactly: each as base64
of its bytes. Run once (`pip install scikit-learn`); the JSON is committed, so nothing else
needs scikit-learn. Source and licence: lessons/data/README.md.
"""

import base64
import json
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

OUT = Path(__file__).resolve().parent.parent / "lessons" / "data" / "digits.json"

if __name__ == "__main__":
    digits = load_digits()
    images = digits.images.astype(np.uint8)  # integers 0..16, exactly
    assert (images == digits.images).all()
    labels = digits.target.astype(np.uint8)
    OUT.write_text(json.dumps({
        "source": "UCI ML Repository, Optical Recognition of Handwritten Digits (test set, as bundled with scikit-learn)",
        "licence": "CC BY 4.0",
        "shape": list(images.shape),
        "images": base64.b64encode(images.tobytes()).decode("ascii"),
        "labels": base64.b64encode(labels.tobytes()).decode("ascii"),
    }) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
