#!/usr/bin/env python3
"""scikit-learn's side of `.ci/bench segments`: the same file, the same six
features prepared the same way, k-means with silhouette selection over
k = 2..8, and a single k = 5 fit on one thread. Prints one JSON object per
figure, like the other bench modes.

    python3 sklearn_segments.py CUSTOMERS.csv [--matrix OURS.f64 --dim D]

Features (as tests/segment_speed.rs and bench.js pick them): age,
annual_income (signed log1p), nps_score, satisfaction as numbers, gender and
channel as categories. Preparation as src/core/segment/features.rs does it:
numbers median-imputed then standard-scaled (population std, as
StandardScaler); categories compared trimmed and lower-cased, one indicator
per level worth sqrt(1/2) (a mismatch adds 1 to the squared distance), a
missing category all zeros; rows with all six missing dropped. Numbers are
read with pd.to_numeric(errors="coerce"), as a pandas user would: the ~1%
of incomes written "$52,300.00" or "52.300,00" become NaN (imputed) here,
while Nimrokh's parse_measure reads them; that is the only difference.

Figures:
- sklearn-read: pd.read_csv of the whole file (all 15 columns, as Nimrokh's
  Call::Open reads them all).
- sklearn-prepare: the six features into a float64 matrix.
- sklearn-auto-k-full: as a user commonly writes it: KMeans(k, n_init=4,
  random_state=42) fitted on every customer for k = 2..8, each scored by
  silhouette_score(X, labels, sample_size=4000, random_state=42) (the full
  silhouette is O(n^2): 1e12 distances), highest wins.
- sklearn-auto-k-sampled: Nimrokh's sampling redone in scikit-learn: fits on
  a 50,000-customer sample, silhouette on 4,000 of those, Calinski-Harabasz
  on the sample, 5 bootstrap refits of the best k scored by ARI, then every
  customer predicted and a 2-component PCA (the segment map).
  Both auto-k figures twice: default threads (OpenMP on every core), then
  under threadpool_limits(1), as Nimrokh's worker is one thread (on a busy
  2-core machine OpenMP's threads wait on each other: 1 can be faster).
- sklearn-k5-single-thread: KMeans(5, n_init=1, random_state=seed) for
  seeds 0-4 on every customer under threadpool_limits(1) (OpenMP and BLAS),
  plus the same on Nimrokh's own matrix when --matrix is given (identical
  input numbers). Wall and CPU time, iterations.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, calinski_harabasz_score, silhouette_score
from threadpoolctl import threadpool_info, threadpool_limits

NUMERIC = [("age", False), ("annual_income", True), ("nps_score", False), ("satisfaction", False)]
CATEGORICAL = ["gender", "channel"]
K_RANGE = range(2, 9)
RESTARTS = 4
SEED = 42
FIT_SAMPLE = 50_000
SILHOUETTE_SAMPLE = 4_000
STABILITY_RUNS = 5
SINGLE_FIT_SEEDS = range(5)
# sqrt(gamma / 2) with gamma = 1: two different levels are 1 apart, squared.
INDICATOR = np.sqrt(0.5)


def emit(engine, **figures):
    print(json.dumps({"engine": engine, **figures}), flush=True)


def ms_since(started):
    return (time.perf_counter() - started) * 1000


def prepare(frame):
    """The six features as Nimrokh's features.rs builds them."""
    present = pd.DataFrame(index=frame.index)
    numbers = {}
    for name, log1p in NUMERIC:
        values = pd.to_numeric(frame[name], errors="coerce")
        if log1p:
            values = np.sign(values) * np.log1p(values.abs())
        numbers[name] = values
        present[name] = values.notna()
    levels = {}
    for name in CATEGORICAL:
        text = frame[name].astype("string").str.strip().str.lower()
        text = text.mask(text == "")
        levels[name] = text
        present[name] = text.notna()
    keep = present.any(axis=1).to_numpy()
    columns = []
    for name, _ in NUMERIC:
        values = numbers[name][keep]
        values = values.fillna(values.median()).to_numpy(dtype=np.float64)
        std = values.std()
        columns.append((values - values.mean()) / (std if std > 0 else 1.0))
    for name in CATEGORICAL:
        dummies = pd.get_dummies(levels[name][keep], dtype=np.float64)
        columns.extend(dummies[c].to_numpy() * INDICATOR for c in dummies.columns)
    matrix = np.ascontiguousarray(np.column_stack(columns))
    imputed = {name: int(numbers[name][keep].isna().sum()) for name, _ in NUMERIC}
    return matrix, int((~keep).sum()), imputed


def auto_k_full(X):
    started = time.perf_counter()
    scores = []
    for k in K_RANGE:
        model = KMeans(n_clusters=k, n_init=RESTARTS, random_state=SEED).fit(X)
        score = silhouette_score(X, model.labels_, sample_size=SILHOUETTE_SAMPLE, random_state=SEED)
        scores.append({"k": k, "silhouette": score, "inertia": model.inertia_, "iterations": int(model.n_iter_)})
    best = max(scores, key=lambda s: s["silhouette"])
    return ms_since(started), scores, best["k"]


def auto_k_sampled(X):
    started = time.perf_counter()
    rng = np.random.default_rng(SEED)
    fitted = X[rng.choice(len(X), size=min(FIT_SAMPLE, len(X)), replace=False)]
    silhouette_rows = rng.choice(len(fitted), size=min(SILHOUETTE_SAMPLE, len(fitted)), replace=False)
    scores, models = [], {}
    for k in K_RANGE:
        model = KMeans(n_clusters=k, n_init=RESTARTS, random_state=SEED).fit(fitted)
        models[k] = model
        scores.append(
            {
                "k": k,
                "silhouette": silhouette_score(fitted[silhouette_rows], model.labels_[silhouette_rows]),
                "calinski_harabasz": calinski_harabasz_score(fitted, model.labels_),
                "iterations": int(model.n_iter_),
            }
        )
    best = max(scores, key=lambda s: (s["silhouette"], s["calinski_harabasz"]))["k"]
    reference = models[best].labels_
    aris = []
    for run in range(STABILITY_RUNS):
        boot = fitted[rng.integers(0, len(fitted), size=len(fitted))]
        refit = KMeans(n_clusters=best, n_init=RESTARTS, random_state=SEED + 1 + run).fit(boot)
        aris.append(adjusted_rand_score(reference, refit.predict(fitted)))
    labels = models[best].predict(X)
    pca = PCA(n_components=2, random_state=SEED).fit(X)
    pca.transform(X[rng.choice(len(X), size=min(4000, len(X)), replace=False)])
    sizes = np.bincount(labels, minlength=best).tolist()
    return ms_since(started), scores, best, float(np.mean(aris)), sizes


def single_fit(X, seed):
    with threadpool_limits(limits=1):
        started, cpu_started = time.perf_counter(), time.process_time()
        model = KMeans(n_clusters=5, n_init=1, random_state=seed).fit(X)
        ms, cpu_ms = ms_since(started), (time.process_time() - cpu_started) * 1000
    iterations = int(model.n_iter_)
    return {
        "seed": seed,
        "ms": ms,
        # One thread: the process's CPU time, immune to other processes' turns.
        "cpu_ms": cpu_ms,
        "iterations": iterations,
        "ms_per_iteration": ms / max(iterations, 1),
        "cpu_ms_per_iteration": cpu_ms / max(iterations, 1),
        "inertia": float(model.inertia_),
        "points": len(X),
        "dim": X.shape[1],
    }


def auto_k(X, read_ms, prepare_ms, threads, cores, openmp):
    """Both auto-k figures with `threads` threads (None: the default)."""
    with threadpool_limits(limits=threads):
        ms, scores, best = auto_k_full(X)
    emit(
        "sklearn-auto-k-full",
        threads=threads or cores,
        ms=ms,
        total_ms=read_ms + prepare_ms + ms,
        suggested=best,
        fitted=len(X),
        silhouette_points=SILHOUETTE_SAMPLE,
        restarts=RESTARTS,
        scores=scores,
        sklearn=sklearn.__version__,
        cores=cores,
        openmp_threads=openmp,
    )
    with threadpool_limits(limits=threads):
        ms, scores, best, ari, sizes = auto_k_sampled(X)
    emit(
        "sklearn-auto-k-sampled",
        threads=threads or cores,
        ms=ms,
        total_ms=read_ms + prepare_ms + ms,
        suggested=best,
        fitted=min(FIT_SAMPLE, len(X)),
        silhouette_points=SILHOUETTE_SAMPLE,
        restarts=RESTARTS,
        stability_runs=STABILITY_RUNS,
        mean_adjusted_rand=ari,
        sizes=sizes,
        scores=scores,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--matrix", help="Nimrokh's feature matrix, row-major little-endian f64")
    parser.add_argument("--dim", type=int)
    args = parser.parse_args()
    cores = os.cpu_count()
    openmp = [p.get("num_threads") for p in threadpool_info() if p.get("user_api") == "openmp"]

    started = time.perf_counter()
    frame = pd.read_csv(args.csv, low_memory=False)
    read_ms = ms_since(started)
    emit("sklearn-read", ms=read_ms, rows=len(frame), pandas=pd.__version__)

    started = time.perf_counter()
    X, excluded, imputed = prepare(frame)
    prepare_ms = ms_since(started)
    del frame
    emit("sklearn-prepare", ms=prepare_ms, rows=len(X), dim=X.shape[1], excluded=excluded, imputed=imputed)

    # Default threads (OpenMP on every core), then one thread: Nimrokh's
    # worker is one thread, and on a busy 2-core machine OpenMP's threads
    # wait on each other.
    for threads in (None, 1):
        auto_k(X, read_ms, prepare_ms, threads, cores, openmp)

    # Iterations to converge depend on the start: five seeds, as natively.
    for seed in SINGLE_FIT_SEEDS:
        emit("sklearn-k5-single-thread", data="sklearn-prepared", **single_fit(X, seed))
    if args.matrix:
        if not os.path.exists(args.matrix):
            print(f"no matrix at {args.matrix}; skipping the fit on Nimrokh's matrix", file=sys.stderr)
            return
        ours = np.fromfile(args.matrix, dtype="<f8").reshape(-1, args.dim)
        for seed in SINGLE_FIT_SEEDS:
            emit("sklearn-k5-single-thread", data="nimrokh-matrix", **single_fit(ours, seed))


if __name__ == "__main__":
    main()
