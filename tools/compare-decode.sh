#!/usr/bin/env bash
# Whole-process `isthmus decode --format zeek-json` against tshark on the same capture, taking
# turns: each round runs tshark once and isthmus twice, so both see the machine in the same state
# (on a shared machine its speed drifts by half over minutes). Prints every run, each round's ratio
# (tshark / median isthmus of the round) and the ratio of the medians over all rounds.
# usage: tools/compare-decode.sh CAPTURE [ROUNDS]          (see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
capture=${1:?usage: tools/compare-decode.sh CAPTURE [ROUNDS]}
rounds=${2:-4}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

timed() { # label command...: appends "label seconds cpu_seconds rss_mb" to $out and prints it
  local label=$1
  shift
  /usr/bin/time -o "$out.t" -f "%e %U %S %M" "$@" > /dev/null 2>&1
  read -r wall user sys rss < "$out.t"
  rm -f "$out.t"
  local line
  line="$label $wall $(echo "$user + $sys" | bc) $((rss / 1024))"
  echo "$line" >> "$out"
  echo "$line load $(cut -d' ' -f1 /proc/loadavg)"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# One untimed run: builds if needed and records decode's class-data-sharing archive.
./isthmus decode -q --format zeek-json "$capture" > /dev/null
for ((r = 1; r <= rounds; r++)); do
  timed tshark tshark -r "$capture" -Y modbus -T fields -e frame.number -e ip.src -e ip.dst \
    -e mbtcp.trans_id -e mbtcp.unit_id -e modbus.func_code
  timed isthmus env ISTHMUS_NO_BUILD=1 ./isthmus decode -q --format zeek-json "$capture"
  timed isthmus env ISTHMUS_NO_BUILD=1 ./isthmus decode -q --format zeek-json "$capture"
  t=$(grep '^tshark' "$out" | tail -1 | cut -d' ' -f2)
  i=$(grep '^isthmus' "$out" | tail -2 | cut -d' ' -f2 | median)
  echo "round $r: tshark $t s, isthmus $i s, ratio $(echo "scale=1; $t / $i" | bc)x"
done
t=$(grep '^tshark' "$out" | cut -d' ' -f2 | median)
i=$(grep '^isthmus' "$out" | cut -d' ' -f2 | median)
echo "median: tshark $t s, isthmus $i s, ratio $(echo "scale=1; $t / $i" | bc)x" \
  "(isthmus cpu $(grep '^isthmus' "$out" | cut -d' ' -f3 | median) s, rss $(grep '^isthmus' "$out" | cut -d' ' -f4 | median) MB;" \
  "tshark rss $(grep '^tshark' "$out" | cut -d' ' -f4 | median) MB; $(nproc) cores)"
