"""NumPy's side of `npm run bench`: the same ops on the same inputs, with the same protocol.

Speaks bench/protocol.ts: one JSON command per line on stdin, one JSON reply per line on stdout.
`prepare` reads the cell's input arrays (raw little-endian files written by bench/run.ts), warms
the op up and sizes its samples as bench/measure.ts does; `sample` times one sample; `dispose`
drops the cell. Its argument is a JSON object of bench/measure.ts' settings: {"minSampleSeconds",
"warmupSeconds", "warmupCalls", "longCallSeconds", "untimedCallBelowSeconds"}.
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


# The random fills (bench/random.ts), each reseeded to 0 before the output check so that every
# engine's first draws are NumPy's numbers after that seed.
RANDOM_OPS = {
    "randn": (lambda: np.random.seed(0), lambda n, rng: np.random.randn(n)),
    "standardNormal": (None, lambda n, rng: rng[0].standard_normal(n)),
    "random": (None, lambda n, rng: rng[0].random(n)),
}


def random_function(op, n):
    """The op as a call, and a function that reseeds what it draws from (to 0)."""
    seed_legacy, draw = RANDOM_OPS[op]
    rng = [np.random.default_rng(0)]

    def reseed():
        if seed_legacy:
            seed_legacy()
        rng[0] = np.random.default_rng(0)

    return (lambda: draw(n, rng)), reseed


def op_function(op, arrays):
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


def warm_up(fn, settings):
    """The calls per sample and the seconds per call they took, after warming up (measure.ts)."""
    start = time.perf_counter()
    fn()
    if time.perf_counter() - start <= settings["longCallSeconds"]:
        end = time.perf_counter() + settings["warmupSeconds"]
        calls = 0
        while calls < settings["warmupCalls"] or time.perf_counter() < end:
            fn()
            calls += 1
    reps = 1
    while True:
        seconds = time_calls(fn, reps)
        if seconds * reps >= settings["minSampleSeconds"] or reps >= 1 << 20:
            return reps, seconds
        reps *= 2


def take_sample(fn, reps, call_seconds, settings):
    """One sample, after one untimed call for a short op (see takeSample in measure.ts)."""
    if call_seconds < settings["untimedCallBelowSeconds"]:
        fn()
    return time_calls(fn, reps)


def time_calls(fn, reps):
    """Seconds per call over `reps` calls in a row."""
    start = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - start) / reps


def prepare(command):
    """The op as a call (its output checked first), and a reseeding function for random ops."""
    if command["op"] in RANDOM_OPS:
        return random_function(command["op"], command["n"])
    dtype = np.float32 if command["dtype"] == "float32" else np.float64
    arrays = {name: np.fromfile(path, dtype=dtype) for name, path in command["files"].items()}
    if "a" in arrays:
        side = int(round(arrays["a"].size ** 0.5))
        arrays["a"] = arrays["a"].reshape(side, side)
        arrays["b"] = arrays["b"].reshape(side, side)
    return op_function(command["op"], arrays), None


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    settings = json.loads(sys.argv[1])
    reply({"ready": True})
    fn, reps, call_seconds = None, 1, 0.0
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "prepare":
            try:
                fn, reseed = prepare(command)
                if reseed:
                    reseed()
                output = signature(fn())
                reps, call_seconds = warm_up(fn, settings)
                reply({"status": "ok", "callSeconds": call_seconds, "signature": output})
            except Exception as error:  # reported as the cell's error, as the JS engines do
                fn = None
                reply({"status": "error", "note": repr(error)[:200]})
        elif command["cmd"] == "sample":
            reply({"seconds": take_sample(fn, reps, call_seconds, settings)})
        else:
            fn = None
            reply({})


if __name__ == "__main__":
    main()
