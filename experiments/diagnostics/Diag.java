// Diagnostic harness behind experiments/FINDINGS-directional-balance.md. Not part of the build (outside src/).
// It drives StackTrainer exactly as `msb train` does and re-calibrates the same raw VAL probabilities other ways.
// Build: ./mvnw -B -q -o package -DskipTests; javac -d /tmp/diag -cp target/classes:$(cat target/classpath.txt) experiments/diagnostics/Diag.java
// Run:   java -cp /tmp/diag:target/classes:$(cat target/classpath.txt) msb.model.Diag HOME TF H K W DETREND(0|1|2) MODELS   (see run.sh)
package msb.model;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.*;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.dataset.*;

/** Diagnostic harness (not committed). args: home tf h k w detrend(0/1) models(comma) [balancedMeta ignored] */
public class Diag {
    static double[] FWD; static int[] VALROWS;
    static String f(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    public static void main(String[] a) throws Exception {
        Path home = Path.of(a[0]);
        Timeframe tf = Timeframe.parse(a[1]);
        int h = Integer.parseInt(a[2]);
        double k = Double.parseDouble(a[3]);
        int w = Integer.parseInt(a[4]);
        boolean detrend = !a[5].equals("0"); boolean trainOnly = a[5].equals("2");
        String[] models = a[6].split(",");
        String tag = a.length > 7 ? a[7] : "";
        PrintStream err = new PrintStream(java.io.OutputStream.nullOutputStream());
        LabelSpec ls = LabelSpec.adaptive(h, k, w);
        Dataset ds = DatasetBuilder.computeFromWorkspace(Workspace.at(home), "BTC", tf,
                new DatasetBuilder.Options(ls, SplitSpec.DEFAULT, null), err).dataset();
        int[] rawLabels = ds.label();
        if (detrend) ds = detrend(ds, h, k, w);
        if (trainOnly) {
            int[] mix = ds.label().clone();
            for (int i = 0; i < mix.length; i++) if (ds.split()[i] != Split.TRAIN) mix[i] = rawLabels[i];
            ds = new Dataset(ds.tf(), ds.symbol(), ds.columns(), ds.schemaHash(), ds.ts(), ds.x(), mix, ds.split(), ds.close(), ds.fwdReturn(), ds.sha256());
        }
        String lab = "h" + h + " k" + k + " w" + w + (trainOnly ? " detrend-TRAIN-only (VAL raw)" : detrend ? " detrend" : "");
        Hyperparameters hp = Hyperparameters.defaults(tf);
        if (h > hp.stack().foldPurgeRows()) {
            StackOptions s = hp.stack();
            hp = new Hyperparameters(hp.gbm(), hp.rf(), hp.logreg(), hp.lstm(), new StackOptions(s.oofFolds(), h,
                    s.calibrationFolds(), s.minCalibrationRowsPerClass(), s.balancedSampling(), s.bmaBootstrapDraws()), hp.gates());
        }
        if (tag.contains("nobal")) {
            StackOptions s = hp.stack();
            hp = new Hyperparameters(hp.gbm(), hp.rf(), hp.logreg(), hp.lstm(), new StackOptions(s.oofFolds(), s.foldPurgeRows(),
                    s.calibrationFolds(), s.minCalibrationRowsPerClass(), false, s.bmaBootstrapDraws()), hp.gates());
        }
        int[] train = ds.rowsOf(Split.TRAIN), val = ds.rowsOf(Split.VAL);
        FWD = ds.fwdReturn(); VALROWS = val;
        int[] yTr = Labels.indices(ds.label(), train), yVal = Labels.indices(ds.label(), val);
        double[] prior = ProbMetrics.frequencies(Labels.indices(rawLabels, train)), vprior = ProbMetrics.frequencies(yVal);
        String head = a[0].replace("/tmp/dh/", "") + " " + tf.label() + " | " + lab + " | TRAIN " + train.length + " d/n/u "
                + f(prior[0]) + "/" + f(prior[1]) + "/" + f(prior[2]) + " | VAL " + val.length + " " + f(vprior[0]) + "/" + f(vprior[1]) + "/" + f(vprior[2]);
        System.out.println("## " + head);
        for (String mk : models) {
            ModelKind kind = ModelKind.parse(mk);
            long t0 = System.currentTimeMillis();
            FitResult r = new StackTrainer(hp, Long.getLong("seed", 42L), true, FitObserver.NONE).fit(ds, kind);
            try (Pipeline p = r.pipeline()) {
                double[][] raw = p.raw(p.scale(ds.x()), val);
                double sMin = hp.gates().sMin();
                row(mk + " raw", raw, yVal, prior, hp);
                row(mk + " ovr-" + r.calibrationMethod(), r.valProbs(), yVal, prior, hp);
                Calibration.Method other = r.calibrationMethod().equals("isotonic") ? Calibration.Method.SIGMOID : Calibration.Method.ISOTONIC;
                row(mk + " ovr-" + other.name().toLowerCase(), crossFit(raw, yVal, 5, other), yVal, prior, hp);
                row(mk + " vecscale", crossFitVec(raw, yVal, 5), yVal, prior, hp);
                if (r.bmaValProbs() != null) row(mk + " bma", r.bmaValProbs(), yVal, prior, hp);
            }
            System.out.println("   (" + (System.currentTimeMillis() - t0) + " ms)");
        }
    }

    static void row(String name, double[][] p, int[] y, double[] prior, Hyperparameters hp) {
        var g = Gates.onValidation(p, y, prior, hp.gates());
        double[] s = new double[p.length];
        double m = 0;
        for (int i = 0; i < p.length; i++) { s[i] = p[i][2] - p[i][0]; m += s[i]; }
        m /= p.length;
        double v = 0;
        for (double x : s) v += (x - m) * (x - m);
        double sd = Math.sqrt(v / p.length);
        var sig = ProbMetrics.signalShares(p, hp.gates().sMin());
        double ll = ProbMetrics.logLoss(p, y), pl = ProbMetrics.priorLogLoss(prior, y);
        double ece = ProbMetrics.ece(p, y, hp.gates().eceBins());
        List<String> failed = new ArrayList<>();
        g.forEach((kk, vv) -> { if (!vv.passed()) failed.add(kk); });
        System.out.println(String.format(Locale.ROOT, "  %-22s s mean %+.3f sd %.3f | s<=-S %.3f s>=+S %.3f | ll-prior %+.4f | ece %.3f | signAUC %.3f | %s",
                name, m, sd, sig.get("down"), sig.get("up"), ll - pl, ece, signAuc(s), failed.isEmpty() ? "PASS" : "fail " + failed));
    }

    /** AUC of s_model for the sign of the raw forward return (what a trade earns), VAL rows. */
    static double signAuc(double[] s) {
        int n = s.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (i, j) -> Double.compare(s[i], s[j]));
        double rankSum = 0; long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && s[idx[j + 1]] == s[idx[i]]) j++;
            double r = (i + j) / 2.0 + 1;
            for (int q = i; q <= j; q++) if (FWD[VALROWS[idx[q]]] > 0) { rankSum += r; pos++; }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    static double[][] crossFit(double[][] raw, int[] y, int k, Calibration.Method method) {
        int n = raw.length;
        double[][] out = new double[n][];
        for (int f = 0; f < k; f++) {
            int start = n * f / k, end = n * (f + 1) / k;
            List<double[]> fp = new ArrayList<>(); List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < n; i++) if (i < start || i >= end) { fp.add(raw[i]); fy.add(y[i]); }
            Calibration c = Calibration.fit(fp.toArray(new double[0][]), fy.stream().mapToInt(Integer::intValue).toArray(), method);
            for (int i = start; i < end; i++) out[i] = c.apply(raw[i]);
        }
        return out;
    }

    static double[][] logit(double[][] raw) {
        double[][] z = new double[raw.length][3];
        for (int i = 0; i < raw.length; i++) for (int c = 0; c < 3; c++) z[i][c] = Math.log(Math.max(1e-6, raw[i][c]));
        return z;
    }

    static double[][] crossFitVec(double[][] raw, int[] y, int k) {
        int n = raw.length;
        double[][] z = logit(raw);
        double[][] out = new double[n][];
        for (int f = 0; f < k; f++) {
            int start = n * f / k, end = n * (f + 1) / k;
            int[] rows = new int[n - (end - start)]; int q = 0;
            for (int i = 0; i < n; i++) if (i < start || i >= end) rows[q++] = i;
            int[] yy = new int[rows.length];
            for (int i = 0; i < rows.length; i++) yy[i] = y[rows[i]];
            SmileModel m = SmileLearners.logreg(z, rows, yy, new LogregOptions(1e-3, 1e-6, 500));
            int[] pr = new int[end - start];
            for (int i = 0; i < pr.length; i++) pr[i] = start + i;
            double[][] pp = m.predict(z, pr);
            for (int i = 0; i < pr.length; i++) out[start + i] = pp[i];
        }
        return out;
    }

    static Dataset detrend(Dataset ds, int h, double k, int w) {
        double[] c = ds.close();
        int n = ds.rows();
        int[] lab = ds.label().clone();
        for (int i = 0; i < n; i++) {
            int lo = Math.max(1, i - w + 1);
            int m = i - lo + 1;
            if (m < 2) continue;
            double mean = 0;
            for (int j = lo; j <= i; j++) mean += c[j] / c[j - 1] - 1;
            mean /= m;
            double ss = 0;
            for (int j = lo; j <= i; j++) { double d = c[j] / c[j - 1] - 1 - mean; ss += d * d; }
            double thr = k * Math.sqrt(ss / (m - 1));
            double r = ds.fwdReturn()[i] - h * mean;
            lab[i] = r > thr ? 1 : r < -thr ? -1 : 0;
        }
        return new Dataset(ds.tf(), ds.symbol(), ds.columns(), ds.schemaHash(), ds.ts(), ds.x(), lab, ds.split(), ds.close(), ds.fwdReturn(), ds.sha256());
    }
}
