#!/usr/bin/env python3
"""The training yardstick: msb's default stack rebuilt in the original system's Python stack
(scikit-learn + PyTorch), fitted on the same dataset rows, so that `msb train` can be timed
whole process against it (issue 15: "the stack stays at least 3x faster than the original's").

It does the same work as msb.model.StackTrainer with Hyperparameters.defaults for the timeframe:
scaler on TRAIN; purged walk-forward out-of-fold probabilities (oof_folds + 1 blocks, fold_purge_rows
dropped before each scored block) from GBM, RF, logistic regression and an LSTM; a logistic meta
model on their log-probabilities; the four learners refitted on all of TRAIN; cross-fitted isotonic
calibration of the stack and of each learner on VAL (contiguous folds); pseudo-BMA+ weights from
Bayesian-bootstrap draws. Class-balanced resampling for every learner, as msb's default. The
learners are scikit-learn's and PyTorch's, so figures are the same work, not the same numbers.

Input: a dataset as `msb dataset show --tf TF` prints it (ts, feature columns, label -1/0/1, split).
Usage: ref_train.py DATASET.csv [--fine] [--seed N]
  --fine: 5m/1h defaults (fewer, deeper trees; 6 LSTM epochs of 128) instead of 12h/24h ones.
Prints the fit time in seconds (after reading the file); time the whole process from outside."""
import sys, time
import numpy as np, pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
import torch

CLASSES = 3


def defaults(fine):
    """msb.model.Hyperparameters.defaults, in the reference's terms."""
    if fine:
        gbm = dict(n_estimators=60, max_depth=4, max_leaf_nodes=8, min_samples_leaf=50, learning_rate=0.08, subsample=0.7)
        rf = dict(n_estimators=100, max_depth=12, max_leaf_nodes=64, min_samples_leaf=50)
        lstm = dict(window=16, hidden=32, epochs=6, batch=128, lr=2e-3)
    else:
        gbm = dict(n_estimators=80, max_depth=3, max_leaf_nodes=6, min_samples_leaf=20, learning_rate=0.05, subsample=0.7)
        rf = dict(n_estimators=200, max_depth=8, max_leaf_nodes=32, min_samples_leaf=20)
        lstm = dict(window=16, hidden=32, epochs=8, batch=64, lr=2e-3)
    # msb's logreg: L2 lambda 0.1, tolerance 1e-5, at most 500 iterations
    logreg = dict(C=1 / 0.1, tol=1e-5, max_iter=500)
    stack = dict(oof_folds=4, fold_purge_rows=5, calibration_folds=5, bma_draws=200)
    return gbm, rf, logreg, lstm, stack


def balanced(y, rng):
    """As many draws as rows: a class uniformly among those present, then a row of it (msb's BalancedSampler)."""
    by = [np.flatnonzero(y == c) for c in range(CLASSES)]
    by = [b for b in by if len(b)]
    pick = rng.integers(len(by), size=len(y))
    return np.array([by[k][rng.integers(len(by[k]))] for k in pick])


class Lstm(torch.nn.Module):
    def __init__(self, p, hidden):
        super().__init__()
        self.lstm = torch.nn.LSTM(p, hidden, batch_first=True)
        self.out = torch.nn.Linear(hidden, CLASSES)

    def forward(self, x):
        return self.out(self.lstm(x)[0][:, -1, :])


def sequences(x, rows, window):
    """[n, window, p] windows ending at each row; rows before 0 repeat row 0 (msb's LstmModel.sequences)."""
    idx = np.maximum(0, rows[:, None] + np.arange(-window + 1, 1)[None, :])
    return torch.tensor(x[idx], dtype=torch.float32)


def full_proba(m, xs):
    """predict_proba over all three classes even when a fold lacked one."""
    p = np.zeros((len(xs), CLASSES))
    p[:, m.classes_] = m.predict_proba(xs)
    return p


TIMINGS_MS = {}


def fit_learner(kind, x, rows, y, hp, rng):
    t0 = time.perf_counter()
    try:
        return _fit_learner(kind, x, rows, y, hp, rng)
    finally:
        TIMINGS_MS[kind] = TIMINGS_MS.get(kind, 0) + round((time.perf_counter() - t0) * 1000)


def _fit_learner(kind, x, rows, y, hp, rng):
    gbm, rf, logreg, lstm, _ = hp
    yr = y[rows]
    if kind == 'lstm':
        torch.manual_seed(int(rng.integers(1 << 31)))
        net = Lstm(x.shape[1], lstm['hidden'])
        opt = torch.optim.Adam(net.parameters(), lr=lstm['lr'])
        loss = torch.nn.CrossEntropyLoss()
        for _ in range(lstm['epochs']):
            pick = balanced(yr, rng)
            for s in range(0, len(pick), lstm['batch']):
                b = pick[s:s + lstm['batch']]
                opt.zero_grad()
                loss(net(sequences(x, rows[b], lstm['window'])), torch.tensor(yr[b])).backward()
                opt.step()
        net.eval()

        def predict(r):
            with torch.no_grad():
                return torch.softmax(net(sequences(x, r, lstm['window'])), dim=1).numpy()
        return predict
    pick = balanced(yr, rng)
    fx, fy = x[rows[pick]], yr[pick]
    seed = int(rng.integers(1 << 31))
    if kind == 'gbm':
        m = GradientBoostingClassifier(random_state=seed, **gbm)
    elif kind == 'rf':
        m = RandomForestClassifier(random_state=seed, max_features='sqrt', n_jobs=-1, **rf)
    else:
        m = LogisticRegression(**logreg)
    m.fit(fx, fy)
    return lambda r: full_proba(m, x[r])


LEARNERS = ['gbm', 'rf', 'logreg', 'lstm']


def meta_input(probs):
    return np.hstack([np.log(np.maximum(1e-6, p)) for p in probs])


def cross_fit_isotonic(raw, y, folds):
    """Each contiguous VAL fold calibrated (one-vs-rest isotonic, renormalised) by the other folds."""
    out = np.zeros_like(raw)
    cuts = np.linspace(0, len(raw), folds + 1).astype(int)
    for f in range(folds):
        test = np.arange(cuts[f], cuts[f + 1])
        fit = np.setdiff1d(np.arange(len(raw)), test)
        for c in range(CLASSES):
            iso = IsotonicRegression(out_of_bounds='clip', y_min=1e-6, y_max=1 - 1e-6)
            iso.fit(raw[fit, c], (y[fit] == c).astype(float))
            out[test, c] = iso.predict(raw[test, c])
    return out / np.maximum(1e-12, out.sum(axis=1, keepdims=True))


def pseudo_bma(calibrated, y, draws, rng):
    """Pseudo-BMA+ (Yao et al. 2018): weights from Bayesian-bootstrap draws of each learner's log-likelihood."""
    ll = np.array([np.log(np.maximum(1e-12, p[np.arange(len(y)), y])) for p in calibrated])
    n = len(y)
    w = np.zeros(len(calibrated))
    for _ in range(draws):
        a = rng.dirichlet(np.ones(n))
        z = n * (ll @ a)
        z = np.exp(z - z.max())
        w += z / z.sum()
    return w / draws


def fit_stack(x, y, train, val, hp, rng):
    _, _, _, _, stack = hp
    mu, sd = x[train].mean(axis=0), x[train].std(axis=0)
    xs = (x - mu) / np.where(sd > 0, sd, 1.0)
    blocks = stack['oof_folds'] + 1
    first = len(train) // blocks
    oof = [np.zeros((len(train) - first, CLASSES)) for _ in LEARNERS]
    for k in range(1, blocks):
        start, end = len(train) * k // blocks, len(train) * (k + 1) // blocks
        fit_rows = train[:max(0, start - stack['fold_purge_rows'])]
        for b, kind in enumerate(LEARNERS):
            oof[b][start - first:end - first] = fit_learner(kind, xs, fit_rows, y, hp, rng)(train[start:end])
    meta = LogisticRegression(**hp[2]).fit(meta_input(oof), y[train[first:]])
    final = {kind: fit_learner(kind, xs, train, y, hp, rng) for kind in LEARNERS}
    base_val = [final[kind](val) for kind in LEARNERS]
    stack_val = full_proba(meta, meta_input(base_val))
    calibrated = cross_fit_isotonic(stack_val, y[val], stack['calibration_folds'])
    per_learner = [cross_fit_isotonic(p, y[val], stack['calibration_folds']) for p in base_val]
    weights = pseudo_bma(per_learner, y[val], stack['bma_draws'], rng)
    return calibrated, weights


def main():
    args = sys.argv[1:]
    if not args or args[0] in ('-h', '--help'):
        print(__doc__)
        sys.exit(0 if args else 2)
    fine = '--fine' in args
    seed = int(args[args.index('--seed') + 1]) if '--seed' in args else 42
    d = pd.read_csv(args[0])
    features = [c for c in d.columns if c not in ('ts', 'label', 'split')]
    x = d[features].to_numpy(dtype=float)
    y = (d['label'].to_numpy() + 1).astype(int)  # -1/0/1 -> class index 0/1/2
    train = np.flatnonzero(d['split'].to_numpy() == 'train')
    val = np.flatnonzero(d['split'].to_numpy() == 'val')
    t0 = time.perf_counter()
    calibrated, weights = fit_stack(x, y, train, val, defaults(fine), np.random.default_rng(seed))
    sec = time.perf_counter() - t0
    ll = -np.mean(np.log(np.maximum(1e-12, calibrated[np.arange(len(val)), y[val]])))
    print(f'stack fit on {len(d)} rows ({len(train)} TRAIN, {len(val)} VAL, {len(features)} features) in {sec:.1f} s;'
          f' VAL log loss {ll:.4f}; BMA weights ' + ' '.join(f'{k}={w:.3f}' for k, w in zip(LEARNERS, weights))
          + f'; fit ms {TIMINGS_MS}')


if __name__ == '__main__':
    main()
