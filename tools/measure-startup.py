#!/usr/bin/env python3
"""Startup and idle memory of the runtime, as a user starts it.

Launches `./isthmus run --feature core` (the script execs java) RUNS times and prints, per run,
the milliseconds from launch to the first HTTP 200 of /api/v1/health and the resident set size
after IDLE seconds; then the medians. Run 0 is a warm-up, not counted: it builds if needed and
records the class-data-sharing archive.

The poller is this one process: it tries a TCP connection every 5 ms and sends one request once
the port accepts. Polling with a new `curl` process every 10 ms (this tool's first version) cost
the runtime about a third of a second on a 2-core machine, because every curl start competes for
the cores the JVM is starting on.

usage: tools/measure-startup.py [RUNS] [IDLE_SECONDS] [--feature F ...] [--java-opts OPTS]
       (see docs/benchmarks.md; --java-opts sets ISTHMUS_JAVA_OPTS, replacing the script's flags)
"""
import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def health_ok(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(b"GET /api/v1/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            return s.recv(16).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def one_run(features, idle, env):
    port = random.randint(20000, 40000)
    data = tempfile.mkdtemp()
    cmd = [os.path.join(ROOT, "isthmus"), "run", "--data-dir", data, "--http-port", str(port)]
    for f in features:
        cmd += ["--feature", f]
    with open(os.path.join(data, "log"), "w") as log:
        begin = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        while not health_ok(port):
            if proc.poll() is not None:
                sys.exit(f"the runtime exited with {proc.returncode}; see {data}/log")
            time.sleep(0.005)
        startup_ms = (time.monotonic() - begin) * 1000
        time.sleep(idle)
        rss = rss_mb(proc.pid)
        proc.terminate()
        proc.wait()
    shutil.rmtree(data, ignore_errors=True)
    return startup_ms, rss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("idle", nargs="?", type=float, default=5)
    parser.add_argument("--feature", action="append")
    parser.add_argument("--java-opts")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.java_opts is not None:
        env["ISTHMUS_JAVA_OPTS"] = args.java_opts
    features = args.feature or ["core"]
    starts, rsss = [], []
    for i in range(args.runs + 1):
        ms, rss = one_run(features, args.idle, env)
        if i == 0:
            continue
        starts.append(ms)
        rsss.append(rss)
        print(f"run {i}: startup_ms={ms:.0f} idle_rss_mb={rss}", flush=True)
    load = open("/proc/loadavg").read().split()[0]
    print(f"median: startup_ms={statistics.median(starts):.0f} (min {min(starts):.0f}, max {max(starts):.0f})"
          f" idle_rss_mb={statistics.median(rsss):.0f} (runs={args.runs}, {os.cpu_count()} cores, load {load},"
          f" features {','.join(features)})")


if __name__ == "__main__":
    main()
