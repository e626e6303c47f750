"""Run-steps/s of gansweep's point kernel against its JAX and numpy references, interleaved per R.

For each R: gansweep's own `bench` (a fresh JVM; its fused kernel on all cores and on one), then JAX
(compile timed apart, then a second, timed call), then numpy on one thread (time-boxed: at large R a
full run would take minutes). All three train the same runs (point_model.md), in float32.
Peak = cores x 2 FMA units x lanes (16 with avx512f, else 8) x 2 flops x clock; a run-step ~7,100 flops.
"""
import argparse
import os
import re
import subprocess
import sys
import time

import numpy as np

import point_jax
import point_numpy

FLOPS_PER_RUN_STEP = 7100
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def processor():
    """(name, peak flop/s, how the peak was computed) from /proc/cpuinfo and lscpu."""
    info = open("/proc/cpuinfo").read()
    name = re.search(r"model name\s*:\s*(.*)", info).group(1)
    flags = re.search(r"flags\s*:\s*(.*)", info).group(1).split()
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    field = lambda key: (re.search(rf"^{key}:\s*(\S+)", lscpu, re.M) or [None, None])[1]
    cores = int(field(r"Core\(s\) per socket") or os.cpu_count()) * int(field(r"Socket\(s\)") or 1)
    mhz = float(field("CPU max MHz") or re.search(r"cpu MHz\s*:\s*(\S+)", info).group(1))
    lanes = 16 if "avx512f" in flags else 8
    peak = cores * 2 * lanes * 2 * mhz * 1e6
    return name, peak, f"{cores} cores x 2 FMA x {lanes} lanes x 2 x {mhz:.0f} MHz = {peak / 1e9:.0f} GFLOP/s"


def gansweep_rate(runs, steps):
    """(fused all cores, fused one thread) run-steps/s from `scripts/gansweep bench`."""
    out = subprocess.run([os.path.join(ROOT, "scripts", "gansweep"), "bench", "--experiment", "point",
                          "--runs", str(runs), "--steps", str(steps)], capture_output=True, text=True, check=True).stdout
    row = next(l.split() for l in out.splitlines() if l.split()[:1] == [str(runs)])
    return float(row[3]), float(row[4])


def jax_rate(runs, steps):
    """(run-steps/s, compile seconds): compile once, then time one full call."""
    seeds = np.arange(runs)
    start = time.perf_counter()
    train = point_jax.trainer(steps).lower(seeds).compile()
    compile_s = time.perf_counter() - start
    start = time.perf_counter()
    point_jax.jax.block_until_ready(train(seeds))
    return runs * steps / (time.perf_counter() - start), compile_s


def numpy_rate(runs, steps, budget_s):
    """Run-steps/s, doubling the step count from 2 until it takes budget_s/2 or reaches `steps`."""
    n = 2
    while True:
        start = time.perf_counter()
        point_numpy.train(range(runs), n)
        took = time.perf_counter() - start
        if took > budget_s / 2 or n >= steps:
            return runs * n / took
        n = min(steps, n * 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", default="1,16,256,4096,65536")
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--numpy-seconds", type=float, default=4.0, help="time box per R for numpy")
    args = parser.parse_args()
    name, peak, how = processor()
    print(f"processor: {name}; peak {how}")
    print(f"point, float32, {args.steps} steps (numpy time-boxed); run-steps/s; %peak at {FLOPS_PER_RUN_STEP} flops/run-step")
    head = ("R", "gansweep", "gansweep 1thr", "JAX", "numpy 1thr", "gs/JAX", "gs %peak", "JAX %peak", "JAX compile s")
    print("%7s %12s %14s %12s %12s %7s %9s %9s %14s" % head)
    for runs in [int(r) for r in args.runs.split(",")]:
        gs, gs1 = gansweep_rate(runs, args.steps)
        jx, compile_s = jax_rate(runs, args.steps)
        npr = numpy_rate(runs, args.steps, args.numpy_seconds)
        pct = lambda rate: 100 * rate * FLOPS_PER_RUN_STEP / peak
        print("%7d %12.0f %14.0f %12.0f %12.0f %7.2f %8.2f%% %8.2f%% %14.2f" % (
            runs, gs, gs1, jx, npr, gs / jx, pct(gs), pct(jx), compile_s), flush=True)


if __name__ == "__main__":
    sys.exit(main())
