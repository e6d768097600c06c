package msb.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Planted models, each with the verdict it must get. A planted sample is what train's gates read: per row a
 * calibrated probability vector, its label drawn from it, and a forward return of the label's sign.
 */
class VerdictsTest {
    static final VerdictOptions O = VerdictOptions.defaults(0.10);

    /** One planted sample: probabilities, labels and forward returns. */
    record Sample(double[][] p, int[] y, double[] fwd) {
        double[] sModel() { return SignalSpec.RAW.of(p); }

        double meanS() { return Metrics.meanSd(sModel())[0]; }

        double[] prior() { return Metrics.frequencies(y); }

        /** Every training verdict on this sample, by name (ranking on s_model; policy on the given signal). */
        Map<String, Verdict> judge(SignalSpec spec) {
            List<Verdict> v = new ArrayList<>();
            v.add(Verdicts.directionSkill(Skill.of(sModel(), y, fwd, O.bootstrap(1)), "planted rows"));
            v.addAll(Verdicts.policy(spec.of(p), y, O, "planted rows"));
            v.add(Verdicts.calibration(p, y, O, "planted rows"));
            v.add(Verdicts.lift(p, y, prior(), "planted rows"));
            return v.stream().collect(Collectors.toMap(Verdict::name, x -> x, (a, b) -> a, java.util.LinkedHashMap::new));
        }
    }

    /** Labels drawn from p (so p is calibrated); the forward return is the label's sign plus noise. */
    static Sample draw(double[][] p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[p.length];
        double[] fwd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double u = r.nextDouble();
            y[i] = u < p[i][0] ? -1 : u < p[i][0] + p[i][1] ? 0 : 1;
            fwd[i] = 0.002 * y[i] + 0.0005 * r.nextGaussian();
        }
        return new Sample(p, y, fwd);
    }

    /** s_model = drift + sd * z, p_neutral fixed: calibrated with direction skill growing with sd. */
    static double[][] skilled(int n, double drift, double sd, double pNeutral, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double s = Math.max(-0.75, Math.min(0.75, drift + sd * r.nextGaussian()));
            p[i] = new double[]{(1 - pNeutral - s) / 2, pNeutral, (1 - pNeutral + s) / 2};
        }
        return p;
    }

    static List<String> failed(Map<String, Verdict> v) { return Verdicts.failed(v.values()); }

    @Test
    void theSeeds24hModelIsOneSidedRawInertCentredAndHasNoSkill() {
        SplittableRandom r = new SplittableRandom(24);
        int n = 600;
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double s = 0.061 + 0.013 * r.nextDouble();
            p[i] = new double[]{0.425 - s / 2, 0.15, 0.425 + s / 2};
        }
        // labels drawn from the market (45% UP / 40% DOWN), not from the model: it knows nothing
        double[][] market = new double[n][];
        for (int i = 0; i < n; i++) market[i] = new double[]{0.40, 0.15, 0.45};
        Sample m = draw(market, 7);
        Sample seed = new Sample(p, m.y(), m.fwd());
        Map<String, Verdict> raw = seed.judge(SignalSpec.RAW);
        assertFalse(raw.get(Verdicts.ONE_SIDED).passed(), raw.get(Verdicts.ONE_SIDED).detail());
        assertTrue(raw.get(Verdicts.ONE_SIDED).detail().startsWith("the signal never changes sign: between +0.06"), raw.get(Verdicts.ONE_SIDED).detail());
        assertFalse(raw.get(Verdicts.DIRECTION_SKILL).passed(), raw.get(Verdicts.DIRECTION_SKILL).detail());
        Map<String, Verdict> centred = seed.judge(SignalSpec.centred(seed.meanS()));
        assertFalse(centred.get(Verdicts.INERT).passed(), centred.get(Verdicts.INERT).detail());
        assertEquals(0.0, centred.get(Verdicts.INERT).figures().get("acted_frac"));
        assertTrue(centred.get(Verdicts.ONE_SIDED).passed(), "centred, it takes both signs: " + centred.get(Verdicts.ONE_SIDED).detail());
        assertFalse(centred.get(Verdicts.TWO_SIDED).passed());
        assertTrue(centred.get(Verdicts.TWO_SIDED).detail().contains("insufficient evidence"), centred.get(Verdicts.TWO_SIDED).detail());
    }

    @Test
    void alwaysUpIsRefused() {
        double[][] p = new double[2000][];
        for (int i = 0; i < p.length; i++) p[i] = new double[]{0.0, 0.0, 1.0};
        double[][] market = new double[p.length][];
        for (int i = 0; i < p.length; i++) market[i] = new double[]{0.35, 0.2, 0.45};
        Sample m = draw(market, 3);
        Sample up = new Sample(p, m.y(), m.fwd());
        assertTrue(failed(up.judge(SignalSpec.RAW)).containsAll(List.of(Verdicts.DIRECTION_SKILL, Verdicts.ONE_SIDED, Verdicts.LIFT)));
        assertTrue(failed(up.judge(SignalSpec.centred(1.0))).containsAll(List.of(Verdicts.DIRECTION_SKILL, Verdicts.INERT, Verdicts.ONE_SIDED)));
    }

    @Test
    void aCalibratedModelWithAuc056On20000RowsAndDriftPlus005IsPromotedCentred() {
        Sample s = draw(skilled(20_000, 0.05, 0.085, 0.2, 56), 560);
        Map<String, Verdict> centred = s.judge(SignalSpec.centred(s.meanS()));
        double auc = centred.get(Verdicts.DIRECTION_SKILL).figures().get("direction_auc");
        assertEquals(0.56, auc, 0.01, "the planted strength");
        assertEquals(0.05, s.meanS(), 0.005, "the planted drift");
        assertEquals(List.of(), failed(centred), centred.toString());
        // the same model acting on raw s_model: the drift makes it act UP on most of its calls
        Map<String, Verdict> raw = s.judge(SignalSpec.RAW);
        assertFalse(raw.get(Verdicts.ONE_SIDED).passed(), raw.get(Verdicts.ONE_SIDED).detail());
    }

    @Test
    void theSameModelWithoutSkillIsRefusedForNoSkill() {
        Sample skilled = draw(skilled(20_000, 0.05, 0.085, 0.2, 56), 560);
        double[][] flat = skilled(20_000, 0.05, 0.0, 0.2, 56);
        Sample market = draw(flat, 560);
        Sample none = new Sample(skilled.p(), market.y(), market.fwd()); // same scores, labels independent of them
        Map<String, Verdict> v = none.judge(SignalSpec.centred(none.meanS()));
        assertFalse(v.get(Verdicts.DIRECTION_SKILL).passed(), v.get(Verdicts.DIRECTION_SKILL).detail());
    }

    @Test
    void skillOnlyInTheUpTailFailsTwoSided() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 10_000;
        double[][] p = new double[n][];
        int[] y = new int[n];
        double[] fwd = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.12 * r.nextGaussian();
            p[i] = new double[]{(0.8 - s) / 2, 0.2, (0.8 + s) / 2};
            // above the top threshold the model knows (60% UP); everywhere else labels ignore it
            double[] truth = s >= 0.10 ? new double[]{0.2, 0.2, 0.6} : new double[]{0.4, 0.2, 0.4};
            double u = r.nextDouble();
            y[i] = u < truth[0] ? -1 : u < truth[0] + truth[1] ? 0 : 1;
            fwd[i] = 0.002 * y[i] + 0.0005 * r.nextGaussian();
        }
        Map<String, Verdict> v = new Sample(p, y, fwd).judge(SignalSpec.centred(0.0));
        Verdict two = v.get(Verdicts.TWO_SIDED);
        assertFalse(two.passed(), two.detail());
        assertTrue(two.figures().get("top_z") > 5, "the UP tail beats chance: " + two.detail());
        assertTrue(two.figures().get("bottom_z") < two.figures().get("z_needed"), "the DOWN tail does not: " + two.detail());
        assertTrue(v.get(Verdicts.DIRECTION_SKILL).passed(), "it does rank: " + v.get(Verdicts.DIRECTION_SKILL).detail());
    }

    @Test
    void aTwoSidedModelActingOn3PercentOfRowsEachWayIsNotOneSided() {
        int n = 2000;
        double[] signal = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            signal[i] = i % 100 < 3 ? 0.2 : i % 100 < 6 ? -0.2 : (i % 2 == 0 ? 0.02 : -0.02);
            y[i] = i % 3 == 0 ? 1 : i % 3 == 1 ? -1 : 0;
        }
        List<Verdict> v = Verdicts.policy(signal, y, O, "planted rows");
        Verdict inert = v.get(0), oneSided = v.get(1);
        assertTrue(oneSided.passed(), oneSided.detail());
        assertEquals(0.5, oneSided.figures().get("minority_frac"));
        assertTrue(inert.passed(), inert.detail());
        assertEquals(0.06, inert.figures().get("acted_frac"), 1e-12);
    }

    @Test
    void aMinorityUnderTheFloorOfActionsIsOneSided() {
        int n = 1000;
        double[] signal = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            signal[i] = i < 190 ? 0.3 : i < 200 ? -0.3 : 0.01 * (i % 2 == 0 ? 1 : -1);
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        Verdict oneSided = Verdicts.policy(signal, y, O, "planted rows").get(1);
        assertFalse(oneSided.passed());
        assertEquals("acts UP 190 and DOWN 10 times on planted rows: the DOWN side is 5% of its actions, under the 20% floor, "
                + "while labels 50% UP / 50% DOWN", oneSided.detail());
    }

    @Test
    void blockedDirectionNamesTheGate() {
        Verdict v = Verdicts.blockedDirection(new long[]{200, 190}, new long[]{197, 0}, new long[]{40, 0},
                new String[]{"below_min", "no_consensus"}, new String[]{"none counted", "none counted"});
        assertFalse(v.passed());
        assertEquals("the gate blocked 190 of 190 SELL signals (no_consensus)", v.detail());
        Verdict ok = Verdicts.blockedDirection(new long[]{200, 190}, new long[]{197, 180}, new long[]{40, 35},
                new String[]{"", ""}, new String[]{"", ""});
        assertTrue(ok.passed(), ok.detail());
    }

    @Test
    void defaultOrStricterSettingsPassAndEachWeakerOneIsNamed() {
        VerdictOptions d = VerdictOptions.defaults(0.08);
        assertTrue(Verdicts.settings(d, d).passed());
        VerdictOptions weaker = new VerdictOptions(d.minTrainRows() - 1, d.sMin() / 2, d.signal(), d.minActionShareFrac() / 2,
                d.minMinorityShareFrac() / 2, d.minLabelShareFrac() + 0.1, d.minTailRows() - 1, 0.6, d.maxEceFrac() * 2,
                d.eceBins(), d.bootstrapDraws(), 0.9);
        Verdict g = Verdicts.settings(weaker, d);
        assertFalse(g.passed());
        for (String name : new String[]{"min_train_rows", "s_min", "min_action_share_frac", "min_minority_share_frac",
                "min_label_share_frac", "min_tail_rows", "tail_confidence_frac", "max_ece_frac", "skill_confidence_frac"}) {
            assertTrue(g.detail().contains(name + " "), name + ": " + g.detail());
        }
    }
}
