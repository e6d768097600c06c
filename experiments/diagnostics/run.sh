#!/bin/bash
# Usage (from the repository root, after the homes below were imported and built, see FINDINGS):
#   experiments/diagnostics/run.sh H K W DETREND MODELS    e.g.  experiments/diagnostics/run.sh 1 0.5 50 0 stack,logreg,gbm
# DETREND: 0 = labels as LabelSpec, 1 = drift-neutral labels everywhere, 2 = drift-neutral TRAIN labels, raw VAL labels.
set -e
CP=/tmp/diag:target/classes:$(cat target/classpath.txt)
mkdir -p /tmp/diag && javac -d /tmp/diag -cp "$CP" experiments/diagnostics/Diag.java
for d in "emb 5m" "c5 5m" "h1 1h" "cb 12h" "cb 24h"; do
  set -- $d "$@"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" msb.model.Diag /tmp/dh/$1 $2 $3 $4 $5 $6 $7 | grep -E '^(##|  )'
  shift 2
done
