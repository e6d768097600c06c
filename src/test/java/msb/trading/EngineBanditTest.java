package msb.trading;

import static msb.trading.Fixture.DAY0;
import static msb.trading.Fixture.H;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import msb.decision.Arm;
import msb.decision.BanditConfig;
import msb.signal.DirectionCounts;
import msb.signal.Probs;
import org.junit.jupiter.api.Test;

class EngineBanditTest {
    private static final BanditConfig BANDIT = new BanditConfig(0.3, 0.55, 0.1, 0.0, 1.0, 20.0, 5L);

    private static StrategyConfig cfg() {
        return Fixture.bandit(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), BANDIT);
    }

    @Test
    void noEligibleArmIsCountedAndLowEligibilityAlerts() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(cfg(), ev);
        Probs weak = new Probs(0.1, 0.75, 0.15); // p_non_neutral 0.25 < 0.3
        for (int i = 1; i <= 30; i++) e.onBar(BarContext.replay(Fixture.bar(DAY0 + i * H, 100, 100), weak, null));
        assertEquals(0.0, e.banditState().eligibilityFrac());
        // s_model 0.05 is below S_MIN: the model signalled nothing, so no refusal is counted against it
        assertEquals(null, e.blocked().get(TradingEngine.NO_ELIGIBLE_ARM));
        assertEquals(DirectionCounts.ZERO, e.funnel().modelSignals());
        List<EngineEvent.Alert> alerts = Fixture.of(ev, EngineEvent.Alert.class);
        assertEquals(1, alerts.size());
        assertEquals("low_eligibility", alerts.getFirst().kind());
        assertEquals(DAY0 + 20 * H, alerts.getFirst().ts(), "window of 20 bars");
        assertEquals(DirectionCounts.ZERO, e.orders());
    }

    @Test
    void theArmThatCausedThePositionIsRewardedWithItsNetPnl() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(cfg(), ev);
        // only the pros arm is eligible (model too weak); it says long; price rises 1% per bar
        Probs weak = new Probs(0.1, 0.75, 0.15);
        double p = 100;
        for (int i = 1; i <= 5; i++) {
            double next = p * 1.01;
            e.onBar(BarContext.replay(Fixture.bar(DAY0 + i * H, p, next), weak, null).withCohort(0.5, Double.NaN, 0));
            p = next;
        }
        List<EngineEvent.Reward> rewards = Fixture.of(ev, EngineEvent.Reward.class);
        assertEquals(4, rewards.size(), "rewarded on every bar after the first decision");
        assertTrue(rewards.stream().allMatch(r -> r.arm() == Arm.PROS && r.rewardBps() > 0), rewards.toString());
        // the first reward: filled at the open, marked at the close 1% higher, no costs: 100 bps
        assertEquals(100.0, rewards.getFirst().rewardBps(), 1e-9);
        assertEquals(4, e.banditState().pros().count());
        assertEquals(1.0, e.banditState().eligibilityFrac());
    }
}
