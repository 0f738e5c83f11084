#!/usr/bin/python3
"""scikit-learn's side of the benchmark, and the AUC of both sides with the same function.

usage: sklearn_side.py DATA_DIR TREES SUBSAMPLE SEEDS JAVA_SCORES_PREFIX
For each seed: fits IsolationForest(n_estimators=TREES, max_samples=SUBSAMPLE, random_state=seed,
n_jobs=1) on train.csv, times score_samples over test.csv (one thread), and computes
roc_auc_score(label, anomaly score) for sklearn and for JAVA_SCORES_PREFIX<seed>.txt (one score a
line, written by the Java harness for the same seed). Prints one line per seed and the means.
"""
import sys
import time

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score


def main():
    data, trees, subsample, seeds, java = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    train = np.loadtxt(data + "/train.csv", delimiter=",")
    test = np.loadtxt(data + "/test.csv", delimiter=",")
    x, y = test[:, :-1], test[:, -1]
    sk_auc, j_auc, rates = [], [], []
    for seed in range(seeds):
        forest = IsolationForest(n_estimators=trees, max_samples=subsample, random_state=seed, n_jobs=1).fit(train)
        start = time.perf_counter()
        scores = -forest.score_samples(x)  # sklearn returns the negated paper score
        rates.append(len(x) / (time.perf_counter() - start))
        sk_auc.append(roc_auc_score(y, scores))
        j_auc.append(roc_auc_score(y, np.loadtxt(f"{java}{seed}.txt")))
        print(f"seed {seed}: AUC sklearn {sk_auc[-1]:.4f}  java {j_auc[-1]:.4f}  sklearn scoring {rates[-1]:,.0f} rows/s")
    print(f"mean AUC sklearn {np.mean(sk_auc):.4f}  java {np.mean(j_auc):.4f}  difference {np.mean(j_auc) - np.mean(sk_auc):+.4f}")
    print(f"sklearn scoring, median of {seeds}: {np.median(rates):,.0f} rows/s (1 thread, {len(x):,} rows x {x.shape[1]} features)")


if __name__ == "__main__":
    main()
