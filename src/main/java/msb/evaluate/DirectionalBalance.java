package msb.evaluate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import msb.signal.DirectionCounts;
import msb.signal.Verdict;
import msb.signal.Verdicts;

/**
 * The decision replay's side of the directional checks: {@code blocked_direction} from a {@link Funnel}. The
 * model-side verdicts (one_sided, inert, two_sided, direction_skill) are in {@link Verdicts}, shared with train.
 */
public final class DirectionalBalance {
    private DirectionalBalance() {}

    /** A direction the model signals never trades: the gate refused all of it, or the guards did. */
    public static Verdict blockedDirection(Funnel f) {
        long[] signals = {f.modelSignals().buy(), f.modelSignals().sell()};
        long[] decisions = {f.decisions().buy(), f.decisions().sell()};
        long[] orders = {f.orders().buy(), f.orders().sell()};
        String[] gate = {breakdown(f.gateBlocked(), 1), breakdown(f.gateBlocked(), -1)};
        String[] guard = {breakdown(f.guardBlocked(), 1), breakdown(f.guardBlocked(), -1)};
        return Verdicts.blockedDirection(signals, decisions, orders, gate, guard);
    }

    private static String breakdown(Map<String, DirectionCounts> blocked, int dir) {
        List<Map.Entry<String, DirectionCounts>> hits = blocked.entrySet().stream().filter(e -> e.getValue().of(dir) > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, DirectionCounts> e) -> -e.getValue().of(dir))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (hits.isEmpty()) return "none counted";
        if (hits.size() == 1) return hits.getFirst().getKey();
        return hits.stream().map(e -> e.getKey() + " " + e.getValue().of(dir)).collect(Collectors.joining(", "));
    }
}
