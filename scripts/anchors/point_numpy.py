"""gansweep's default point GAN in numpy, vectorized over runs: the reference a researcher would write.

Arrays are [rows, runs] (runs along the last axis, as gansweep lays them out). It draws gansweep's own
counter-based random numbers, so seed s here trains the same run as seed s in gansweep (point_model.md).
Used two ways: float32 for the bench (one thread), float64 for check_point.py's comparison.
"""
import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
INIT, D_INPUT, G_INPUT = 0, 1, 4
BATCH, LR, MOMENTUM, TOL, HOLD, BOUND = 32, 0.01, 0.9, 0.05, 0.1, 1000.0
D_BOUNDS = [1.0] * 4 + [1 / np.sqrt(2)] * 3  # a0 a1 c0 c1 | v0 v1 e


@np.errstate(over="ignore")
def mix(z):
    """SplitMix64's finalizer on uint64 arrays (wrapping arithmetic, like Java's long)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def run_keys(seeds):
    return mix(np.asarray(seeds, dtype=np.uint64) * GOLDEN + np.uint64(0x5EED5EED5EED))


@np.errstate(over="ignore")
def block(keys, step, purpose):
    return mix(keys ^ mix(np.uint64(step) * GOLDEN + np.uint64(purpose)))


def symmetric(blocks, n, dtype):
    """[n, runs] uniforms on [-1, 1) with 24 random bits (RunStream.symmetricFloat)."""
    idx = (np.arange(1, n + 1, dtype=np.uint64) * GOLDEN)[:, None]
    bits = mix(blocks[None, :] + idx) >> np.uint64(40)
    return (bits.astype(np.float32) * np.float32(2.0 ** -23) - np.float32(1)).astype(dtype)


def init(keys, dtype):
    """[9, runs]: w, b, a0, a1, c0, c1, v0, v1, e, from the 53-bit uniforms of block(0, INIT)."""
    idx = (np.arange(1, 10, dtype=np.uint64) * GOLDEN)[:, None]
    u = (mix(block(keys, 0, INIT)[None, :] + idx) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    bound = np.array([1.0, 1.0] + D_BOUNDS)[:, None]
    return (-bound + 2 * bound * u).astype(dtype)


def d_forward(p, x):
    h0 = np.tanh(p[2] * x + p[4])
    h1 = np.tanh(p[3] * x + p[5])
    return h0, h1, 1 / (1 + np.exp(-(p[6] * h0 + p[7] * h1 + p[8])))


def train(seeds, steps, dtype=np.float32, log_every=0):
    """Trains runs for `steps`; returns (params [9, runs], success [runs], trajectory {step: params})."""
    keys = run_keys(seeds)
    p = init(keys, dtype)
    m = np.zeros_like(p)
    ones = np.ones((BATCH, len(keys)), dtype)
    last_fail = np.zeros(len(keys), np.int64)
    diverged = np.zeros(len(keys), bool)
    log = {0: p.copy()} if log_every else {}
    for t in range(steps):
        g = np.zeros_like(p)
        x = np.concatenate([p[0] * symmetric(block(keys, t, D_INPUT), BATCH, dtype) + p[1], ones])
        h0, h1, prob = d_forward(p, x)
        gl = (prob - np.concatenate([0 * ones, ones])) / (2 * BATCH)  # dLoss/dlogit, mean BCE
        gz0, gz1 = gl * p[6] * (1 - h0 * h0), gl * p[7] * (1 - h1 * h1)
        g[2:] = [(gz0 * x).sum(0), (gz1 * x).sum(0), gz0.sum(0), gz1.sum(0),
                 (gl * h0).sum(0), (gl * h1).sum(0), gl.sum(0)]
        m[2:] = MOMENTUM * m[2:] + g[2:]
        p[2:] -= LR * m[2:]
        u = symmetric(block(keys, t, G_INPUT), BATCH, dtype)
        h0, h1, prob = d_forward(p, p[0] * u + p[1])
        gl = (prob - 1) / BATCH
        gy = gl * (p[6] * (1 - h0 * h0) * p[2] + p[7] * (1 - h1 * h1) * p[3])
        g[:2] = [(gy * u).sum(0), gy.sum(0)]
        m[:2] = MOMENTUM * m[:2] + g[:2]
        p[:2] -= LR * m[:2]
        fail = ~((np.abs(p[0]) < TOL) & (np.abs(p[1] - 1) < TOL))
        last_fail[fail] = t + 1
        if log_every and (t + 1) % log_every == 0:
            log[t + 1] = p.copy()
        if log_every and ((t + 1) % log_every == 0 or t + 1 == steps):
            diverged |= ~np.all(np.isfinite(p) & (np.abs(p) <= BOUND), axis=0)
    success = (last_fail <= int(np.floor(steps * (1 - HOLD)))) & ~diverged
    return p, success, log
