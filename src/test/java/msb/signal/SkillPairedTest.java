package msb.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The paired bootstrap of two signals on the same rows ({@link Skill#paired}). */
class SkillPairedTest {
    /** Rank statistics are sums of counts; the same draws must give the same figures to rounding. */
    static final double RANK_ARITHMETIC_TOLERANCE = 1e-12;
    static final Skill.BootstrapOptions OPTS = new Skill.BootstrapOptions(400, 0.95, 11, 1);

    /** Rows whose forward return is {@code skill} x a hidden driver plus noise; labels cut at +-0.3. */
    record Market(double[] driver, double[] fwd, int[] labels) {
        static Market of(int n, double skill, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] d = new double[n], f = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                d[i] = r.nextGaussian();
                f[i] = skill * d[i] + r.nextGaussian();
                y[i] = f[i] > 0.3 ? 1 : f[i] < -0.3 ? -1 : 0;
            }
            return new Market(d, f, y);
        }
    }

    static double[] noisy(double[] base, double weight, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[base.length];
        for (int i = 0; i < out.length; i++) out[i] = base[i] + weight * r.nextGaussian();
        return out;
    }

    @Test
    void eachSideEqualsItsOwnSkillReportOnTheSameDraws() {
        Market m = Market.of(3000, 0.2, 5);
        double[] a = noisy(m.driver(), 3, 1), b = noisy(m.driver(), 1, 2);
        Skill.Paired p = Skill.paired(a, b, m.labels(), m.fwd(), OPTS);
        Skill.Report ra = Skill.of(a, m.labels(), m.fwd(), OPTS), rb = Skill.of(b, m.labels(), m.fwd(), OPTS);
        // one random stream, the same block starts: A's and B's intervals are exactly Skill.of's
        assertEquals(ra.directionAuc(), p.aucA());
        assertEquals(rb.directionAuc(), p.aucB());
        assertEquals(ra.ic(), p.icA());
        assertEquals(rb.ic(), p.icB());
        assertEquals(rb.directionAuc().value() - ra.directionAuc().value(), p.aucDiff().value(), RANK_ARITHMETIC_TOLERANCE);
        assertEquals(ra.blockBars(), p.blockBars());
    }

    @Test
    void identicalSignalsDifferByExactlyNothing() {
        Market m = Market.of(1000, 0.2, 6);
        Skill.Paired p = Skill.paired(m.driver(), m.driver().clone(), m.labels(), m.fwd(), OPTS);
        assertEquals(0, p.aucDiff().value(), 0);
        assertEquals(0, p.aucDiff().lo(), 0);
        assertEquals(0, p.aucDiff().hi(), 0);
        assertEquals(0, p.icDiff().hi(), 0);
    }

    @Test
    void aBetterSignalWinsAndTheDifferenceIsTighterThanEitherInterval() {
        Market m = Market.of(5000, 0.15, 7);
        double[] a = noisy(m.driver(), 2, 3);
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] += 0.8 * m.driver()[i]; // A plus more of the driver
        Skill.Paired p = Skill.paired(a, b, m.labels(), m.fwd(), OPTS);
        assertTrue(p.aucDiff().lowerBoundAbove(0), "B carries more of the driver: " + p.aucDiff());
        assertTrue(p.icDiff().lowerBoundAbove(0), "IC too: " + p.icDiff());
        double diffWidth = p.aucDiff().hi() - p.aucDiff().lo();
        assertTrue(diffWidth < p.aucA().hi() - p.aucA().lo(), "pairing cancels the shared noise: " + p);
        assertTrue(diffWidth < p.aucB().hi() - p.aucB().lo(), "pairing cancels the shared noise: " + p);
    }

    @Test
    void addedNoiseDoesNotLookLikeSkill() {
        Market m = Market.of(5000, 0.15, 8);
        double[] a = m.driver();
        double[] b = noisy(a, 0.05, 4); // the same ranking, barely perturbed
        Skill.Paired p = Skill.paired(a, b, m.labels(), m.fwd(), OPTS);
        assertTrue(p.aucDiff().lo() <= 0 && p.aucDiff().hi() >= 0, "noise alone: the interval holds zero " + p.aucDiff());
    }

    @Test
    void withoutUpOrDownRowsTheAucIsUndefined() {
        double[] a = {1, 2, 3, 4}, b = {4, 3, 2, 1}, f = {0, 0, 0, 0};
        Skill.Paired p = Skill.paired(a, b, new int[] {0, 0, 0, 0}, f, OPTS);
        assertTrue(!p.aucA().defined() && !p.aucDiff().defined());
    }
}
