#!/usr/bin/env bash
# The feature study of docs/RESULTS.md ("Which inputs add out-of-sample skill"): experiments/features/ specs with
# walk-forward, then each feature set against its file's default set on the same out-of-sample bars.
# Usage: docs/study/features.sh HOME [ITEM...]   (from the repository root, next to ../shared/data)
#   ITEM: a spec name (1h-btc-trend) or a file's group (1h-btc = its base spec, then its other sets);
#   default: every group, in the order below. Runs go in the order given, so list what matters first.
#   MODELS="logreg gbm" to add models (default logreg); STOP_AT=HH:MM (UTC) starts no run after that time;
#   PAIR_ONLY=1 runs nothing and only (re)writes the paired comparisons of the runs already done.
# Resumable: a finished run leaves HOME/done/<spec>-<model> (its run directory); re-running skips it. Two
# invocations may share a HOME (the workspace lock serialises their runs).
# Writes HOME/feature-runs.txt (spec model run-dir per line), HOME/paired/<group>-<model>.json (compare --baseline).
set -uo pipefail
home="${1:?usage: docs/study/features.sh HOME [ITEM...]}"
shift
items=("$@")
[ ${#items[@]} -eq 0 ] && items=(1h-btc 4h-btc 1h-eth 1h-sol 1h-bnb 24h-btc 5m-btc)
models=(${MODELS:-logreg})
mkdir -p "$home/done" "$home/paired" "$home/logs"
specs=()
for it in "${items[@]}"; do
  if [ -f "experiments/features/$it.yaml" ]; then specs+=("$it"); continue; fi
  specs+=("$it-base")
  for f in experiments/features/"$it"-*.yaml; do n=$(basename "$f" .yaml); [ "$n" = "$it-base" ] || specs+=("$n"); done
done
for model in "${models[@]}"; do
  for name in "${specs[@]}"; do
    [ -s "$home/done/$name-$model" ] && continue
    [ -n "${PAIR_ONLY:-}" ] && continue
    if [ -n "${STOP_AT:-}" ] && [[ "$(date -u +%H:%M)" > "$STOP_AT" ]]; then
      echo "not run (past STOP_AT $STOP_AT): $name $model" >> "$home/not-run.txt"; continue
    fi
    ./msb --home "$home/ws" experiment run "experiments/features/$name.yaml" --model "$model" --walk-forward --quiet \
      > "$home/logs/$name-$model.out" 2> "$home/logs/$name-$model.err"
    rc=$?
    echo "exit $rc $name $model" >> "$home/exits.txt"
    dir=$(tail -1 "$home/logs/$name-$model.out")
    if { [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]; } && [ -f "$dir/record.json" ]; then
      echo "$dir" > "$home/done/$name-$model"
      echo "$name $model $dir" >> "$home/feature-runs.txt"
    fi
  done
  # each set against its file's default set, bar for bar on the walk-forward rows both scored
  for base in "$home"/done/*-base-"$model"; do
    [ -s "$base" ] || continue
    g=$(basename "$base" "-base-$model")
    others=()
    for d in "$home"/done/"$g"-*-"$model"; do [ "$d" = "$base" ] || others+=("$(cat "$d")"); done
    [ ${#others[@]} -gt 0 ] && ./msb --home "$home/ws" experiment compare --baseline "$(cat "$base")" "${others[@]}" --json \
      > "$home/paired/$g-$model.json" 2> "$home/logs/paired-$g-$model.err"
  done
done
