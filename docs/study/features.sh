#!/usr/bin/env bash
# The feature study of docs/RESULTS.md ("Which inputs add out-of-sample skill"): every experiments/features/ spec
# with walk-forward, then each feature set against its file's default set on the same out-of-sample bars.
# Usage: docs/study/features.sh HOME [GROUP...]   (from the repository root, next to ../shared/data)
#   GROUP: spec name prefixes (1h-btc, 1h-eth, 4h-btc, ...; default: all, in the order below).
#   MODELS="logreg gbm" to add models (default logreg); STOP_AT=HH:MM (UTC) starts no run after that time.
# Resumable: a finished run leaves HOME/done/<spec>-<model> (its run directory); re-running skips it.
# Writes HOME/feature-runs.txt (spec model run-dir per line), HOME/paired/<file>-<model>.json (compare --baseline).
set -uo pipefail
home="${1:?usage: docs/study/features.sh HOME [GROUP...]}"
shift
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(1h-btc 4h-btc 1h-eth 1h-sol 1h-bnb 24h-btc 5m-btc)
models=(${MODELS:-logreg})
mkdir -p "$home/done" "$home/paired" "$home/logs"
for g in "${groups[@]}"; do
  for model in "${models[@]}"; do
    for spec in experiments/features/"$g"-base.yaml experiments/features/"$g"-*.yaml; do
      name=$(basename "$spec" .yaml)
      [ -s "$home/done/$name-$model" ] && continue
      if [ -n "${STOP_AT:-}" ] && [[ "$(date -u +%H:%M)" > "$STOP_AT" ]]; then
        echo "not run (past STOP_AT $STOP_AT): $name $model" >> "$home/not-run.txt"; continue
      fi
      ./msb --home "$home/ws" experiment run "$spec" --model "$model" --walk-forward --quiet \
        > "$home/logs/$name-$model.out" 2> "$home/logs/$name-$model.err"
      rc=$?
      echo "exit $rc $name $model" >> "$home/exits.txt"
      dir=$(tail -1 "$home/logs/$name-$model.out")
      if [ "$rc" -le 0 ] || [ "$rc" -eq 3 ] && [ -f "$dir/record.json" ]; then
        echo "$dir" > "$home/done/$name-$model"
        echo "$name $model $dir" >> "$home/feature-runs.txt"
      fi
    done
    # each set against the default set, bar for bar on the walk-forward rows both scored
    base="$home/done/$g-base-$model"
    [ -s "$base" ] || continue
    others=()
    for d in "$home"/done/"$g"-*-"$model"; do [ "$d" = "$base" ] || others+=("$(cat "$d")"); done
    [ ${#others[@]} -gt 0 ] && ./msb --home "$home/ws" experiment compare --baseline "$(cat "$base")" "${others[@]}" --json \
      > "$home/paired/$g-$model.json" 2> "$home/logs/paired-$g-$model.err"
  done
done
