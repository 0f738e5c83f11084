#!/bin/sh
# Isolation forest, Isthmus (Java) against scikit-learn: AUC on labelled synthetic windows and
# single-thread scoring throughput. Needs Debian's python3-sklearn for /usr/bin/python3.
#   bundles/model-iforest/bench/compare.sh [TREES] [SUBSAMPLE] [SEEDS] [TEST_ROWS]
set -eu
TREES=${1:-100}
SUBSAMPLE=${2:-256}
SEEDS=${3:-5}
TEST_ROWS=${4:-500000}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(dirname "$HERE")
WORK=$MODULE/target/bench
PY=/usr/bin/python3
"$PY" -c 'import sklearn' 2>/dev/null || { echo "install python3-sklearn (apt-get install -y python3-sklearn)" >&2; exit 2; }

(cd "$MODULE" && mvn -q -o test-compile)
mkdir -p "$WORK"
echo "generating 20,000 training and $TEST_ROWS test windows (1 % anomalous)"
"$PY" "$HERE/generate.py" "$WORK" 20000 "$TEST_ROWS" 0.01
java -Xmx2g -cp "$MODULE/target/classes:$MODULE/target/test-classes" \
  io.isthmus.model.iforest.internal.IForestBench "$WORK" "$TREES" "$SUBSAMPLE" "$SEEDS" "$WORK/java-scores-"
"$PY" "$HERE/sklearn_side.py" "$WORK" "$TREES" "$SUBSAMPLE" "$SEEDS" "$WORK/java-scores-"
