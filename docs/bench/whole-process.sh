#!/usr/bin/env bash
# The README's whole-process figures (issue 15), measured as a user would type the commands, each msb run
# paired with its reference run in turn in the same call so that the machine's load weighs on both.
#
# Usage: docs/bench/whole-process.sh [PAIRS] [WORKDIR]      (from the repository root; PAIRS default 5)
#   pipeline   ./msb data import --in 1m.csv && ./msb dataset build --tf all
#              vs python3 ../shared/tools/ref_features.py 1m.csv out/ (pandas), 1M bars from gen_1m.py
#   one-shot   ./msb --help, ./msb status (no runner: its exit-2 message), ./msb decide < one line
#   train      ./msb train --tf 24h on the Coinbase 4h file (../shared/data) vs docs/bench/ref_train.py
#              (scikit-learn + PyTorch) on the same dataset rows; skipped without the data or the packages
#   replay     ./msb bench live --model gbm and --model stack --bars 20000 (in-JVM figures, once each)
# Prints a Markdown table of medians (wall and CPU = user + sys) with the load average before and after.
set -euo pipefail
pairs="${1:-5}"
work="${2:-$(mktemp -d)}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$repo/../shared"   # tools/, vectors/ and data/ beside the repository, as .ci/run expects
py=/usr/bin/python3
[ -x "$py" ] || py=python3
mkdir -p "$work"
cd "$repo"
msb=("$repo/msb")

# One timed run: appends "wall cpu" to the file $1; the rest is the command (stdout and stderr discarded).
timed() {
  local out="$1"; shift
  /usr/bin/time -o "$work/.time" -f '%e %U %S' "$@" >/dev/null 2>&1 || true # status's exit 2 is the measured case
  tail -1 "$work/.time" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >> "$out"
}
median() { # column $2 of file $1
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
row() { # what, msb file, reference file (or -), goal
  local mw mc rw rc ratio
  mw="$(median "$2" 1)"; mc="$(median "$2" 2)"
  if [ "$3" = - ]; then
    printf '| %s | %s s / %s s | | | %s |\n' "$1" "$mw" "$mc" "$4"
  else
    rw="$(median "$3" 1)"; rc="$(median "$3" 2)"
    ratio="$(awk -v a="$mw" -v b="$rw" 'BEGIN { printf "%.2f", a / b }')"
    printf '| %s | %s s / %s s | %s s / %s s | **%s** | %s |\n' "$1" "$mw" "$mc" "$rw" "$rc" "$ratio" "$4"
  fi
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
started="$(date -u +%Y-%m-%dT%H:%MZ)"
echo "msb whole-process figures: $pairs pairs, $(nproc) cores, $started, load average $load_before" >&2
"${msb[@]}" --version >/dev/null 2>&1 # untimed: builds msb if needed and makes the help cache

# --- pipeline --------------------------------------------------------------------------------------------
csv="$work/1m.csv"
[ -s "$csv" ] || "$py" "$shared/tools/gen_1m.py" 1000000 "$csv"
: > "$work/pipe.msb"; : > "$work/pipe.ref"
printf '%q ' "$repo/msb" --home "$work/h" data import --in "$csv" > "$work/pipeline.sh"
printf '&& ' >> "$work/pipeline.sh"
printf '%q ' "$repo/msb" --home "$work/h" dataset build --tf all >> "$work/pipeline.sh"
# untimed: the first run after a build makes the pipeline's start-up cache
rm -rf "$work/h"; bash "$work/pipeline.sh" >/dev/null 2>&1
for i in $(seq "$pairs"); do
  rm -rf "$work/h"; timed "$work/pipe.msb" bash "$work/pipeline.sh"
  rm -rf "$work/out"; timed "$work/pipe.ref" "$py" "$shared/tools/ref_features.py" "$csv" "$work/out"
done

# --- one-shot ----------------------------------------------------------------------------------------------
# the input part of the first reference vector (decide reads thresholds, cohort and model)
head -1 "$shared/vectors/decision_gate.jsonl" | "$py" -c 'import json,sys; d=json.loads(sys.stdin.read()); d.pop("expect"); print(json.dumps(d))' > "$work/one-line.jsonl"
: > "$work/help"; : > "$work/status"; : > "$work/decide"
"${msb[@]}" --home "$work/empty" status >/dev/null 2>&1 || true # untimed: makes the short commands' cache
for i in $(seq "$pairs"); do
  timed "$work/help" "${msb[@]}" --help
  timed "$work/status" "${msb[@]}" --home "$work/empty" status
  timed "$work/decide" bash -c 'exec "$0" decide < "$1"' "$repo/msb" "$work/one-line.jsonl"
done

# --- train -------------------------------------------------------------------------------------------------
coinbase="$shared/data/ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json"
train_rows=""
if [ -f "$coinbase" ] && "$py" -c 'import sklearn, torch' 2>/dev/null; then
  rm -rf "$work/t"
  "${msb[@]}" --home "$work/t" data import --in "$coinbase" >/dev/null 2>&1
  "${msb[@]}" --home "$work/t" dataset build --tf 24h >/dev/null 2>&1
  "${msb[@]}" --home "$work/t" dataset show --tf 24h > "$work/btc-24h.csv"
  : > "$work/train.msb"; : > "$work/train.ref"
  for i in $(seq "$pairs"); do
    timed "$work/train.msb" "${msb[@]}" --home "$work/t" train --tf 24h --no-promote --quiet
    timed "$work/train.ref" "$py" "$repo/docs/bench/ref_train.py" "$work/btc-24h.csv"
  done
  train_rows="$(($(wc -l < "$work/btc-24h.csv") - 1))"
else
  echo "train: skipped (needs $coinbase and python3-sklearn + python3-torch)" >&2
fi

# --- replay ------------------------------------------------------------------------------------------------
gbm="$("${msb[@]}" --home "$work" bench live --model gbm 2>&1 | grep -E 'bars/s|latency' | tr '\n' ' ')"
stack="$("${msb[@]}" --home "$work" bench live --model stack --bars 20000 2>&1 | grep -E 'bars/s|latency' | tr '\n' ' ')"

echo
echo "Measured $started to $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $pairs pairs; load average (1/5/15 min) before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
echo
echo '| What a user runs | msb: wall / CPU (median) | reference, same run: wall / CPU | ratio msb/reference (wall) | goal |'
echo '|---|---|---|---|---|'
row 'data import + dataset build --tf all, 1M 1m bars, vs ref_features.py (pandas)' "$work/pipe.msb" "$work/pipe.ref" '<= 0.2'
row 'msb --help' "$work/help" - '< 0.25 s wall'
row 'msb status (no runner: exit 2)' "$work/status" - '< 0.25 s wall'
row 'msb decide < one line' "$work/decide" - '< 0.25 s wall'
[ -n "$train_rows" ] && row "msb train --tf 24h (stack, $train_rows rows, Coinbase 4h) vs ref_train.py (scikit-learn + PyTorch)" "$work/train.msb" "$work/train.ref" '<= 0.33'
echo
echo "In-JVM: bench live --model gbm: $gbm"
echo "In-JVM: bench live --model stack --bars 20000: $stack"
