#!/usr/bin/python3
"""Labelled window-feature data for the isolation-forest benchmark (synthetic, documented).

Columns are the model's features, in its order (see Features.java):
events, distinct_operations, write_ratio, distinct_peers, interarrival_mean_s,
interarrival_std_s, payload_mean_bytes, error_ratio, new_operations, new_peers.

Normal windows (10 s) come from DEVICES device profiles drawn once: a polling rate of 20..300
events per window (Poisson around it), 1..6 operations, a write share of 0..30 %, 1..3 peers, a
timing jitter (coefficient of variation 0.2..1.5), a payload size of 8..200 bytes; now and then
(2 %) an extra peer or operation, a few error responses, and rarely (0.5 %) something new.

Anomalous windows take a normal one of a random device and apply one of five behaviours, each
with a random strength so that some are subtle: a write burst, a new host with new operations,
silence (slow or stalled polling), an error storm, a flood or scan of many operations.

usage: generate.py OUT_DIR [TRAIN_ROWS] [TEST_ROWS] [ANOMALY_SHARE] [SEED]
writes OUT_DIR/train.csv (normal rows, no label) and OUT_DIR/test.csv (label in the last column).
"""
import os
import sys

import numpy as np

DEVICES = 50


def profiles(rng):
    return {
        "rate": rng.uniform(20, 300, DEVICES),
        "ops": rng.integers(1, 7, DEVICES),
        "write": rng.uniform(0, 0.3, DEVICES) * (rng.random(DEVICES) < 0.6),
        "peers": rng.integers(1, 4, DEVICES),
        "cv": rng.uniform(0.2, 1.5, DEVICES),
        "payload": rng.uniform(8, 200, DEVICES),
    }


def normal(rng, p, n):
    d = rng.integers(0, DEVICES, n)
    events = np.maximum(rng.poisson(p["rate"][d]), 1).astype(float)
    ops = p["ops"][d] + (rng.random(n) < 0.02)
    writes = rng.binomial(events.astype(int), p["write"][d]) / events
    peers = p["peers"][d] + (rng.random(n) < 0.02)
    mean = 10.0 / events * rng.lognormal(0, 0.05, n)
    std = mean * p["cv"][d] * rng.lognormal(0, 0.15, n)
    payload = p["payload"][d] * rng.lognormal(0, 0.03, n)
    errors = (rng.random(n) < 0.02) * rng.uniform(0, 0.03, n)
    new_ops = (rng.random(n) < 0.005).astype(float)
    new_peers = (rng.random(n) < 0.005).astype(float)
    return np.column_stack([events, ops, writes, peers, mean, std, payload, errors, new_ops, new_peers])


def anomalies(rng, p, n):
    x = normal(rng, p, n)
    kind = rng.integers(0, 5, n)
    s = rng.uniform(0.2, 1.0, n)  # strength: 0.2 is subtle, 1.0 blatant
    k = kind == 0  # write burst
    x[k, 0] *= 1 + 2 * s[k]
    x[k, 2] = np.minimum(1, x[k, 2] + 0.6 * s[k])
    x[k, 1] += 1
    x[k, 4] /= 1 + 2 * s[k]
    k = kind == 1  # new host with new operations
    x[k, 3] += 1
    x[k, 9] = 1
    x[k, 8] = np.round(1 + 2 * s[k])
    x[k, 1] += x[k, 8]
    k = kind == 2  # silence: slow or stalled polling
    x[k, 0] = np.maximum(1, np.round(x[k, 0] * (1 - 0.9 * s[k])))
    x[k, 4] *= 1 + 9 * s[k]
    x[k, 5] *= 1 + 20 * s[k]
    k = kind == 3  # error storm
    x[k, 7] = 0.8 * s[k]
    x[k, 6] *= 1 - 0.5 * s[k]
    k = kind == 4  # flood or scan
    x[k, 0] *= 1 + 9 * s[k]
    x[k, 1] += np.round(8 * s[k])
    x[k, 4] /= 1 + 9 * s[k]
    x[k, 7] = np.minimum(1, x[k, 7] + 0.3 * s[k])
    return x


def main():
    out = sys.argv[1]
    train_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    test_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 500_000
    share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.01
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 20261126
    rng = np.random.default_rng(seed)
    p = profiles(rng)
    os.makedirs(out, exist_ok=True)
    np.savetxt(os.path.join(out, "train.csv"), normal(rng, p, train_rows), delimiter=",", fmt="%.6g")
    bad = int(test_rows * share)
    test = np.vstack([normal(rng, p, test_rows - bad), anomalies(rng, p, bad)])
    labels = np.concatenate([np.zeros(test_rows - bad), np.ones(bad)])
    order = rng.permutation(test_rows)
    np.savetxt(os.path.join(out, "test.csv"), np.column_stack([test, labels])[order], delimiter=",", fmt="%.6g")


if __name__ == "__main__":
    main()
