#!/usr/bin/env bash
# Startup and idle memory of the runtime: launches `./isthmus run --feature core` (the script
# execs java) RUNS times and prints, per run, the milliseconds from launch to the first
# HTTP 200 of /api/v1/health and the resident set size after IDLE seconds; then the medians.
# Run 0 is a warm-up, not counted: it builds if needed and records the class-data-sharing archive.
# usage: tools/measure-startup.sh [RUNS] [IDLE_SECONDS]     (see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
idle=${2:-5}
port=$(( 20000 + RANDOM % 20000 ))
starts=()
rsss=()
for ((i = 0; i <= runs; i++)); do
  data=$(mktemp -d)
  begin=$(date +%s%N)
  ./isthmus run --data-dir "$data" --http-port "$port" --feature core >"$data/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "run $i: the runtime exited; see $data/log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  sleep "$idle"
  rss_kb=$(ps -o rss= -p "$pid")
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  if [ "$i" -eq 0 ]; then
    continue
  fi
  starts+=($(( (end - begin) / 1000000 )))
  rsss+=($(( rss_kb / 1024 )))
  echo "run $i: startup_ms=${starts[-1]} idle_rss_mb=${rsss[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: startup_ms=$(median "${starts[@]}") idle_rss_mb=$(median "${rsss[@]}") (runs=$runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
