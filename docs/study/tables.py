#!/usr/bin/env python3
"""The verdict tables of docs/RESULTS.md, read from the study's run records (docs/study/run.sh).

Usage: docs/study/tables.py HOME > tables.md
Reads HOME/study-runs.txt (one experiment run directory per line), each run's record.json (training verdicts on
VAL, as the manifest recorded them) and report/report.json (evaluate's verdicts on TEST). Prints markdown only:
every figure comes from those files.
"""
import json
import os
import sys


def pct(x):
    return "n/a" if x is None else f"{100 * x:.1f}%"


def num(x, fmt="{:.3f}"):
    return "n/a" if x is None or (isinstance(x, float) and x != x) else fmt.format(x)


def ci(v, lo, hi, fmt="{:.3f}"):
    return f"{num(v, fmt)} [{num(lo, fmt)}, {num(hi, fmt)}]"


def load(home):
    runs = []
    for line in open(os.path.join(home, "study-runs.txt")):
        d = line.strip()
        if not d or not os.path.isdir(d):
            continue
        rec = json.load(open(os.path.join(d, "record.json")))
        rep_path = os.path.join(d, "report", "report.json")
        rep = json.load(open(rep_path))["artifacts"][0] if os.path.exists(rep_path) else None
        runs.append((d, rec, rep))
    return runs


def symbol_of(rec):
    return rec["spec"].get("symbol", "BTC") if isinstance(rec.get("spec"), dict) else "BTC"


def source_of(rec):
    data = rec.get("data", {})
    return os.path.basename(data.get("file") or data.get("source_name") or data.get("source", "?"))


def main(home):
    runs = load(home)
    print("### Training verdicts (validation split; what promotion reads)\n")
    print("direction AUC and IC: uncalibrated out-of-sample VAL scores, 95% block-bootstrap interval. Acts: share of the")
    print("forward-chained VAL rows where the centred signal is >= +S_MIN (U) or <= -S_MIN (D). Tails: z of the top tail's UP")
    print("rate and the bottom tail's DOWN rate against the middle band (need 1.28; '-' = fewer than 30 rows).\n")
    print("| tf | symbol | model | VAL rows | direction AUC [95% CI] | IC [95% CI] | acts U / D | tails z top / bottom | ECE | log loss vs prior | promoted | failed verdicts |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for d, rec, rep in runs:
        a = rec["artifact"]
        g = a["gates"]
        sk = g.get("direction_skill", {}).get("figures", {})
        inert = g.get("inert", {}).get("figures", {})
        two = g.get("two_sided", {}).get("figures", {})
        cal = g.get("calibration", {}).get("figures", {})
        lift = g.get("lift", {}).get("figures", {})
        tops = "-" if two.get("top_rows", 0) < 30 else num(two.get("top_z"), "{:+.2f}")
        bots = "-" if two.get("bottom_rows", 0) < 30 else num(two.get("bottom_z"), "{:+.2f}")
        failed = ", ".join(a.get("failed_gates", [])) or "none"
        print(f"| {rec['spec']['tf'] if isinstance(rec.get('spec'), dict) else '?'} | {symbol_of(rec)} | {a['model']} | "
              f"{num(sk.get('rows'), '{:.0f}')} | {ci(sk.get('direction_auc'), sk.get('direction_auc_lo'), sk.get('direction_auc_hi'))} | "
              f"{ci(sk.get('ic'), sk.get('ic_lo'), sk.get('ic_hi'), '{:+.3f}')} | {pct(inert.get('up_frac'))} / {pct(inert.get('down_frac'))} | "
              f"{tops} / {bots} | {num(cal.get('ece_frac'))} | {num(lift.get('log_loss'), '{:.4f}')} vs {num(lift.get('prior_log_loss'), '{:.4f}')} | "
              f"{'yes' if a['promoted'] else 'no'} | {failed} |")
    print()
    print("### Evaluate's verdicts (test split, never seen in fitting or calibration)\n")
    print("| tf | symbol | model | test rows | direction AUC [95% CI] | IC [95% CI] | acts U / D | net Sharpe | buy-and-hold Sharpe | PSR | failed verdicts |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for d, rec, rep in runs:
        if rep is None:
            continue
        m = rep["metrics"]
        ps = rep["predicted_shares"]
        bh = rep["baselines"].get("buy_and_hold", {})
        failed = ", ".join(rep.get("reasons", [])) or "none"
        print(f"| {rep['tf']} | {symbol_of(rec)} | {rep['model']} | {m.get('rows')} | "
              f"{ci(m.get('direction_auc'), m.get('direction_auc_lo'), m.get('direction_auc_hi'))} | {ci(m.get('ic'), m.get('ic_lo'), m.get('ic_hi'), '{:+.3f}')} | "
              f"{pct(ps.get('up'))} / {pct(ps.get('down'))} | {num(m.get('sharpe_net'), '{:+.2f}')} | {num(bh.get('sharpe_net'), '{:+.2f}')} | "
              f"{num(m.get('psr'), '{:.2f}')} | {failed} |")
    print()
    wf = [(rec, rec["walk_forward"]) for d, rec, rep in runs if rec.get("walk_forward")]
    if wf:
        print("### Walk-forward (logreg re-fitted per fold, each fold's test window out of sample)\n")
        print("| tf | symbol | folds | folds passing every verdict | pooled net Sharpe | pooled PSR | OOS rows |")
        print("|---|---|---|---|---|---|---|")
        for rec, w in wf:
            s = w.get("summary", w)
            print(f"| {rec['spec']['tf']} | {symbol_of(rec)} | {s.get('folds')} | {s.get('folds_passing_gates')} | "
                  f"{num(s.get('sharpe_net_pooled'), '{:+.2f}')} | {num(s.get('psr_pooled'), '{:.2f}')} | {s.get('oos_rows')} |")
        print()
    print("### Calibration design: fold drift against fold mean s_model (VAL, 5 contiguous folds)\n")
    print("Correlation over folds of a fold's label drift (UP share - DOWN share) with its mean calibrated s_model, for")
    print("contiguous cross-fitting (each fold calibrated on the others) and forward chaining (each fold on the folds before it).\n")
    print("| tf | symbol | model | cross-fitted | forward-chained |")
    print("|---|---|---|---|---|")
    for d, rec, rep in runs:
        v = (rec["artifact"].get("val_metrics") or {}).get("val") or {}
        c = v.get("calibration") or {}
        if not c:
            continue
        print(f"| {rec['spec']['tf']} | {symbol_of(rec)} | {rec['artifact']['model']} | "
              f"{num(c.get('cross_fitted_drift_correlation'), '{:+.2f}')} | {num(c.get('forward_chained_drift_correlation'), '{:+.2f}')} |")


if __name__ == "__main__":
    main(sys.argv[1])
