package msb.model;

/** One promotion gate's outcome with a human-readable detail naming the measured value and the limit. */
public record GateResult(boolean passed, String detail) {
    public GateResult {
        if (detail == null || detail.isBlank()) throw new IllegalArgumentException("gate detail missing");
    }
}
