package msb.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkillTest {
    /** AUC and rank correlations are sums of counts: the O(n) forms must agree with the definitions to rounding. */
    static final double RANK_ARITHMETIC_TOLERANCE = 1e-12;

    /** Mann-Whitney by its definition: every UP-DOWN pair, ties one half. */
    static double bruteAuc(double[] s, int[] y) {
        double pairs = 0, wins = 0;
        for (int i = 0; i < s.length; i++) {
            if (y[i] != 1) continue;
            for (int j = 0; j < s.length; j++) {
                if (y[j] != -1) continue;
                pairs++;
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    @Test
    void aucAndIcMatchTheirDefinitionsWithTies() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        double[] s = new double[n], fwd = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.round(r.nextGaussian() * 4) / 4.0; // heavy ties
            fwd[i] = 0.3 * s[i] + r.nextGaussian();
            y[i] = fwd[i] > 0.2 ? 1 : fwd[i] < -0.2 ? -1 : 0;
        }
        Skill.Report rep = Skill.of(s, y, fwd, new Skill.BootstrapOptions(200, 0.95, 1, 1));
        assertEquals(bruteAuc(s, y), rep.directionAuc().value(), RANK_ARITHMETIC_TOLERANCE);
        assertEquals(Metrics.spearman(s, fwd), rep.ic().value(), RANK_ARITHMETIC_TOLERANCE);
        assertTrue(rep.directionAuc().lo() < rep.directionAuc().value() && rep.directionAuc().value() < rep.directionAuc().hi());
        assertEquals(Math.round(Math.cbrt(n)), rep.blockBars());
    }

    @Test
    void noSkillIntervalsIncludeChanceAndSkillIntervalsExcludeIt() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 5000;
        double[] noise = new double[n], skill = new double[n], fwd = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            fwd[i] = 0.15 * z + r.nextGaussian();
            y[i] = fwd[i] > 0 ? 1 : -1;
            skill[i] = z;
            noise[i] = r.nextGaussian();
        }
        Skill.Report none = Skill.of(noise, y, fwd, Skill.BootstrapOptions.DEFAULTS);
        Skill.Report some = Skill.of(skill, y, fwd, Skill.BootstrapOptions.DEFAULTS);
        assertTrue(none.directionAuc().lo() < 0.5 && none.directionAuc().hi() > 0.5, none.toString());
        assertTrue(some.directionAuc().lowerBoundAbove(0.5), some.toString());
        assertTrue(some.ic().lo() > 0, some.toString());
    }

    @Test
    void blocksNeverShorterThanTheLabelHorizon() {
        assertEquals(10, Skill.blockBars(1000, 1));
        assertEquals(24, Skill.blockBars(1000, 24));
        assertEquals(1, Skill.blockBars(1, 1));
    }

    @Test
    void seededDrawsGiveTheSameIntervalTwice() {
        SplittableRandom r = new SplittableRandom(5);
        double[] s = new double[300], f = new double[300];
        int[] y = new int[300];
        for (int i = 0; i < 300; i++) {
            s[i] = r.nextGaussian();
            f[i] = r.nextGaussian();
            y[i] = f[i] > 0 ? 1 : -1;
        }
        assertEquals(Skill.of(s, y, f, Skill.BootstrapOptions.DEFAULTS), Skill.of(s, y, f, Skill.BootstrapOptions.DEFAULTS));
    }
}
