package msb.decision;

/**
 * What the gate decided: direction -1/0/1, alpha (sizing multiplier, 0 when flat) and the rule that
 * decided ({@link DecisionGate} lists the modes).
 */
public record GateDecision(int dir, double alpha, String mode) {
    public GateDecision {
        if (dir < -1 || dir > 1) throw new IllegalArgumentException("dir must be -1, 0 or 1, got " + dir);
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        if (dir == 0 && alpha != 0) throw new IllegalArgumentException("a flat decision has alpha 0, got " + alpha);
        if (mode == null || mode.isBlank()) throw new IllegalArgumentException("mode is required");
    }

    static GateDecision flat(String mode) { return new GateDecision(0, 0.0, mode); }
}
