package msb.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import msb.signal.Probs;
import org.junit.jupiter.api.Test;

class ThompsonBanditTest {
    private static final BanditConfig CFG = new BanditConfig(0.3, 0.55, 0.1, 0.0, 1.0, 20.0, 7L);
    private static final Probs STRONG_UP = new Probs(0.1, 0.4, 0.5);   // pnn 0.6, dir conf 0.833, strength 0.4
    private static final Probs NEUTRAL = new Probs(0.1, 0.8, 0.1);

    private static ThompsonBandit bandit(BanditConfig c) { return new ThompsonBandit(c, 0.2, 0.1); }

    @Test
    void cohortEligibilityIsInclusiveAtSMin() {
        ThompsonBandit b = bandit(CFG);
        assertTrue(b.eligible(Arm.PROS, new ArmSignals(0.2, Double.NaN, NEUTRAL, null)));
        assertTrue(b.eligible(Arm.AMATEURS, new ArmSignals(Double.NaN, -0.2, NEUTRAL, null)));
        assertFalse(b.eligible(Arm.PROS, new ArmSignals(0.1999, Double.NaN, NEUTRAL, null)));
        assertFalse(b.eligible(Arm.PROS, new ArmSignals(Double.NaN, Double.NaN, NEUTRAL, null)), "no cohort data");
    }

    @Test
    void modelEligibilityNeedsAllThreeThresholds() {
        ThompsonBandit b = bandit(CFG);
        assertTrue(b.eligible(Arm.MODEL_META, new ArmSignals(Double.NaN, Double.NaN, STRONG_UP, null)));
        assertFalse(b.eligible(Arm.MODEL_BMA, new ArmSignals(Double.NaN, Double.NaN, STRONG_UP, null)), "no BMA probs");
        assertTrue(b.eligible(Arm.MODEL_BMA, new ArmSignals(Double.NaN, Double.NaN, NEUTRAL, STRONG_UP)));
        // p_non_neutral 0.25 < 0.3
        assertFalse(b.eligible(Arm.MODEL_META, new ArmSignals(Double.NaN, Double.NaN, new Probs(0.0, 0.75, 0.25), null)));
        // direction confidence: 0.6 / 1.0 is at a 0.6 minimum, 0.58 / 1.0 below it (strength 0.16 passes)
        ThompsonBandit dirConf = bandit(CFG.withConfDirMin(0.6));
        assertTrue(dirConf.eligible(Arm.MODEL_META, new ArmSignals(Double.NaN, Double.NaN, new Probs(0.4, 0.0, 0.6), null)));
        assertFalse(dirConf.eligible(Arm.MODEL_META, new ArmSignals(Double.NaN, Double.NaN, new Probs(0.42, 0.0, 0.58), null)));
        // strength 0.08 < 0.1 with enough p_non_neutral and direction confidence under a looser config
        ThompsonBandit loose = bandit(CFG.withPnnMin(0.0).withConfDirMin(0.5));
        assertFalse(loose.eligible(Arm.MODEL_META, new ArmSignals(Double.NaN, Double.NaN, new Probs(0.0, 0.92, 0.08), null)));
        assertTrue(loose.eligible(Arm.MODEL_META, new ArmSignals(Double.NaN, Double.NaN, new Probs(0.0, 0.9, 0.1), null)));
    }

    @Test
    void noEligibleArmMeansFlat() {
        BanditChoice c = bandit(CFG).choose(BanditState.EMPTY, new ArmSignals(0.0, 0.05, NEUTRAL, NEUTRAL), 100);
        assertNull(c.arm());
        assertEquals(0, c.dir());
        assertEquals("no_eligible_arm", c.mode());
    }

    @Test
    void directionAndAlphaComeFromTheChosenArm() {
        BanditChoice c = bandit(CFG).choose(BanditState.EMPTY, new ArmSignals(-0.7, Double.NaN, NEUTRAL, null), 100);
        assertEquals(Arm.PROS, c.arm());
        assertEquals(-1, c.dir());
        assertEquals(0.7, c.alpha(), 1e-12);
    }

    @Test
    void seededAndRestartProof() {
        ArmSignals s = new ArmSignals(0.5, -0.5, STRONG_UP, STRONG_UP);
        ThompsonBandit a = bandit(CFG);
        ThompsonBandit b = bandit(CFG);
        ThompsonBandit other = bandit(CFG.withSeed(8L));
        Map<Arm, Integer> picks = new EnumMap<>(Arm.class);
        boolean differs = false;
        for (long ts = 0; ts < 400; ts++) {
            BanditChoice x = a.choose(BanditState.EMPTY, s, ts * 300);
            assertEquals(x, b.choose(BanditState.EMPTY, s, ts * 300), "same seed, same bar, same pick");
            differs |= !x.equals(other.choose(BanditState.EMPTY, s, ts * 300));
            picks.merge(x.arm(), 1, Integer::sum);
        }
        assertTrue(differs, "another seed draws differently");
        assertEquals(4, picks.size(), "untrained arms are all explored: " + picks);
    }

    @Test
    void learnsToPreferTheArmThatEarns() {
        ThompsonBandit b = bandit(CFG);
        ArmSignals s = new ArmSignals(0.5, Double.NaN, STRONG_UP, null); // PROS and MODEL_META eligible
        Random noise = new Random(3);
        BanditState st = BanditState.EMPTY;
        int prosLate = 0;
        for (int t = 0; t < 600; t++) {
            BanditChoice c = b.choose(st, s, 1_700_000_000L + t * 300L);
            double reward = (c.arm() == Arm.PROS ? 5.0 : -5.0) + 20 * noise.nextGaussian();
            st = ThompsonBandit.reward(st, c.arm(), reward);
            if (t >= 300 && c.arm() == Arm.PROS) prosLate++;
        }
        assertTrue(prosLate > 255, "the earning arm should win most late picks, got " + prosLate + "/300");
        assertTrue(st.pros().meanBps() > 0 && st.modelMeta().meanBps() < 0);
    }

    @Test
    void epsilonExploresUniformlyAmongEligibleArms() {
        ThompsonBandit b = bandit(CFG.withEpsilonFrac(1.0));
        BanditState st = ThompsonBandit.reward(BanditState.EMPTY, Arm.PROS, 1000);
        int meta = 0;
        for (long ts = 0; ts < 200; ts++) {
            BanditChoice c = b.choose(st, new ArmSignals(0.5, Double.NaN, STRONG_UP, null), ts);
            assertTrue(c.explored());
            if (c.arm() == Arm.MODEL_META) meta++;
        }
        assertTrue(meta > 60 && meta < 140, "uniform among 2 arms, got " + meta);
    }

    @Test
    void statsAndEligibilityRate() {
        ArmStats s = ArmStats.EMPTY.add(1).add(3).add(5);
        assertEquals(3, s.meanBps(), 1e-12);
        assertEquals(4, s.varianceBps2(), 1e-12);
        BanditState st = BanditState.EMPTY.countBar(true).countBar(false).countBar(true).countBar(true);
        assertEquals(0.75, st.eligibilityFrac(), 1e-12);
        assertEquals(List.of(Arm.values()).size(), 4);
    }
}
