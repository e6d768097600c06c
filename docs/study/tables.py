#!/usr/bin/env python3
"""The verdict tables of docs/RESULTS.md, read from the study's run records (docs/study/run.sh).

Usage: docs/study/tables.py HOME > tables.md
       docs/study/tables.py features HOME... > features.md   (the feature study of docs/study/features.sh)
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


SET_ORDER = ["base", "flow", "funding", "trend", "calendar", "cross", "all"]
SET_WORDS = {"base": "default set (baseline)", "flow": "+ order flow (ofi)", "funding": "+ funding (level, z, change)",
             "trend": "+ multi-horizon trend (ret, rv ratio, range position)", "calendar": "+ calendar",
             "cross": "+ cross-asset (other symbol's returns, spread)", "all": "+ all of the above"}
OUTCOME_WORDS = {"adds_skill": "**adds skill**", "removes_skill": "**removes skill**", "no_evidence": "no evidence either way"}


def spec_key(name):
    """feat-1h-btc-trend -> ('1h-btc', 'trend')"""
    body = name[len("feat-"):] if name.startswith("feat-") else name
    key, _, fam = body.rpartition("-")
    return key, fam


def features_main(homes):
    runs, paired, not_run = {}, {}, []
    for home in homes:
        path = os.path.join(home, "feature-runs.txt")
        if os.path.exists(path):
            for line in open(path):
                parts = line.split()
                if len(parts) == 3 and os.path.isfile(os.path.join(parts[2], "record.json")):
                    runs[(parts[0], parts[1])] = json.load(open(os.path.join(parts[2], "record.json")))
        pdir = os.path.join(home, "paired")
        for f in sorted(os.listdir(pdir)) if os.path.isdir(pdir) else []:
            if f.endswith(".json") and os.path.getsize(os.path.join(pdir, f)) > 0:
                doc = json.load(open(os.path.join(pdir, f)))
                for row in doc.get("paired", []):
                    paired[row["run_id"]] = row
    spec_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "experiments", "features")
    specs = sorted(f[:-5] for f in os.listdir(spec_dir) if f.endswith(".yaml"))
    models = sorted({m for _, m in runs}) or ["logreg"]
    for sp in specs:
        for m in models:
            if (sp, m) not in runs:
                not_run.append(f"{sp} ({m})")
    print("Per file, each feature set's walk-forward model (re-fitted per fold, each fold's test window out of sample) ")
    print("against the same file's default-set model. **Own OOS**: direction AUC and IC over all of the set's walk-forward")
    print("test rows, 95% block-bootstrap interval. **Paired**: on the bars both models scored (joined on bar close time),")
    print("the default set's AUC, the set's AUC and the difference with a 95% paired block-bootstrap interval")
    print("(`msb experiment compare --baseline`); **folds +** counts the set's folds where its AUC beat the default set's on")
    print("the same bars, and **CI>0 / CI<0** the folds whose difference interval lies above / below zero.")
    print("Outcome: *adds skill* when the pooled AUC difference's interval lies above 0, *removes skill* below 0.\n")
    print("| file | tf | feature set | columns | folds | own OOS rows | own OOS AUC [95% CI] | own OOS IC [95% CI] | paired rows | AUC default -> set | AUC difference [95% CI] | IC difference [95% CI] | folds + | CI>0 / CI<0 | outcome |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    ordered = sorted(runs.items(), key=lambda kv: (spec_key(kv[0][0])[0], kv[0][1],
                                                   SET_ORDER.index(spec_key(kv[0][0])[1]) if spec_key(kv[0][0])[1] in SET_ORDER else 99))
    for (name, model), rec in ordered:
        key, fam = spec_key(name)
        w = rec.get("walk_forward") or {}
        su = w.get("summary", {})
        src = source_of(rec)
        cols = len(rec.get("dataset", {}).get("columns", []))
        own_auc = ci(su.get("direction_auc_pooled"), su.get("direction_auc_pooled_lo"), su.get("direction_auc_pooled_hi"))
        own_ic = ci(su.get("ic_pooled"), su.get("ic_pooled_lo"), su.get("ic_pooled_hi"), "{:+.3f}")
        row = paired.get(rec.get("run_id"))
        label = f"{SET_WORDS.get(fam, fam)}" + ("" if model == "logreg" else f" ({model})")
        head = f"| {key} ({src}) | {rec['spec']['tf']} | {label} | {cols} | {su.get('folds')} | {su.get('oos_rows')} | {own_auc} | {own_ic} |"
        if fam == "base":
            print(head + " - | - | - | - | - | - | baseline |")
            continue
        if row is None or row.get("pooled") is None:
            print(head + " n/a | n/a | n/a | n/a | n/a | n/a | not compared |")
            continue
        p = row["pooled"]
        folds = row.get("folds", [])
        plus = sum(1 for f in folds if (f["auc_diff"]["value"] or 0) > 0)
        above = sum(1 for f in folds if f["auc_diff"]["lo"] is not None and f["auc_diff"]["lo"] > 0)
        below = sum(1 for f in folds if f["auc_diff"]["hi"] is not None and f["auc_diff"]["hi"] < 0)
        e = lambda k, fmt="{:.3f}": ci(p[k]["value"], p[k]["lo"], p[k]["hi"], fmt)
        print(head + f" {p['rows']} | {num(p['auc_baseline']['value'])} -> {num(p['auc']['value'])} | {e('auc_diff', '{:+.4f}')} | "
                     f"{e('ic_diff', '{:+.4f}')} | {plus} of {len(folds)} | {above} / {below} | {OUTCOME_WORDS.get(p['outcome'], p['outcome'])} |")
    print()
    if not_run:
        print("Not run (the study's time ran out before them; `docs/study/features.sh` resumes): " + ", ".join(not_run) + ".\n")
    else:
        print("Every spec of `experiments/features/` ran.\n")


if __name__ == "__main__":
    if sys.argv[1] == "features":
        features_main(sys.argv[2:])
    else:
        main(sys.argv[1])
