"""Do the references compute gansweep's function? Two checks, cheap enough to run every time.

1. Same draws, same trajectory: gansweep in double (--dtype double) against numpy and JAX in float64,
   on a few seeds, every logged parameter compared. Only summation order differs, so the gap should
   sit near 1e-12; anything above 1e-6 fails.
2. Same outcomes at full length: 200 seeds x 3000 steps, gansweep's default float run against numpy
   float64 and JAX float32. Float rounding diverges chaotically over 3000 steps, so single runs may
   differ; the success rates must agree within binomial noise (|z| < 3).
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

import point_jax
import point_numpy

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NAMES = ["w", "b", "d_a0", "d_a1", "d_c0", "d_c1", "d_v0", "d_v1", "d_e"]


def gansweep(tmp, name, seeds, steps, dtype):
    """Trains a sweep of `seeds` default point runs; returns {seed: (summary row, trajectory rows)}."""
    spec = os.path.join(tmp, name + ".json")
    json.dump({"name": name, "experiment": "point", "description": "anchors check",
               "set": {"steps": steps}, "seeds": {"count": seeds}}, open(spec, "w"))
    subprocess.run([os.path.join(ROOT, "scripts", "gansweep"), "run", "--results", tmp, "--dtype", dtype,
                    "--plots", "none", spec], check=True, capture_output=True)
    out = {}
    for row in csv.DictReader(open(os.path.join(tmp, name, "summary.csv"))):
        traj = list(csv.DictReader(open(os.path.join(tmp, name, "runs", row["run_key"], "trajectory.csv"))))
        out[int(row["seed"])] = (row, traj)
    return out


def z_score(a, b, n):
    pooled = (a + b) / (2 * n)
    return 0.0 if pooled in (0, 1) else (a - b) / n / math.sqrt(2 * pooled * (1 - pooled) / n)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--steps", type=int, default=3000)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="anchors-") as tmp:
        # 1. trajectories, double precision
        seeds, steps = 8, 300
        ref = gansweep(tmp, "traj", seeds, steps, "double")
        _, _, log = point_numpy.train(range(seeds), steps, np.float64, log_every=10)
        gap = max(abs(float(r[k]) - log[int(r["step"])][i][s])
                  for s, (_, traj) in ref.items() for r in traj for i, k in enumerate(NAMES))
        g, d, _ = point_jax.trainer(steps, point_jax.jnp.float64)(np.arange(seeds))
        final = np.concatenate([np.asarray(g).T, np.asarray(d).T])
        gap_jax = np.abs(final - log[steps]).max()
        ok &= gap < 1e-6 and gap_jax < 1e-6
        print(f"1. trajectories, {seeds} seeds x {steps} steps, float64: max |gansweep - numpy| = {gap:.1e} "
              f"over every logged parameter; max |JAX - numpy| at the end = {gap_jax:.1e}")
        # 2. success rates, default float gansweep
        runs = gansweep(tmp, "rate", args.seeds, args.steps, "float")
        gs = np.array([runs[s][0]["success"] == "1" for s in range(args.seeds)])
        _, np_ok, _ = point_numpy.train(range(args.seeds), args.steps, np.float64, log_every=10)
        jx_ok = np.asarray(point_jax.trainer(args.steps)(np.arange(args.seeds))[2])
        n = args.seeds
        for label, other in (("numpy float64", np_ok), ("JAX float32", jx_ok)):
            z = z_score(gs.sum(), other.sum(), n)
            ok &= abs(z) < 3
            print(f"2. success over {n} seeds x {args.steps} steps: gansweep float {gs.sum()}/{n}, {label} "
                  f"{other.sum()}/{n} (z = {z:+.2f}); same outcome on {(gs == other).sum()}/{n} seeds")
    print("check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
