#!/usr/bin/env bash
# The study of docs/RESULTS.md: every committed real-data spec with three models, then the controls.
# Usage: docs/study/run.sh HOME   (from the repository root, next to ../shared/data or with MSB_SHARED_DATA set)
# Writes run records under HOME/experiments/runs/ and HOME/study-runs.txt (one run directory per line).
set -uo pipefail
home="${1:?usage: docs/study/run.sh HOME}"
mkdir -p "$home"
: > "$home/study-runs.txt"
for spec in 24h 12h 1h 1h-eth 1h-sol 1h-bnb 5m; do
  models=(logreg gbm stack)
  case "$spec" in 1h*|5m) models=(logreg gbm) ;; esac   # the stack (with its LSTM) on 25-33k rows: see RESULTS.md
  for model in "${models[@]}"; do
    wf=()
    [ "$model" = logreg ] && wf=(--walk-forward)   # walk-forward re-fits per fold; logreg keeps it minutes on 2 cores
    ./msb --home "$home" experiment run "experiments/$spec.yaml" --model "$model" "${wf[@]}" --quiet \
      > "$home/last.out" 2> "$home/$spec-$model.err"
    echo "exit $? $spec $model" >> "$home/study-exits.txt"
    tail -1 "$home/last.out" >> "$home/study-runs.txt"
  done
done
for c in positive negative; do
  ./msb --home "$home/controls-$c" experiment run "experiments/controls/$c.yaml" --quiet > "$home/last.out" 2> "$home/control-$c.err"
  echo "exit $? control-$c logreg" >> "$home/study-exits.txt"
  tail -1 "$home/last.out" >> "$home/study-runs.txt"
done
