package msb.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code train --model} builds: the stack, one learner alone, or a constant baseline. */
public enum ModelKind {
    STACK("stack"), GBM("gbm"), RF("rf"), LOGREG("logreg"), LSTM("lstm"),
    ALWAYS_UP("always-up"), ALWAYS_DOWN("always-down"), ALWAYS_NEUTRAL("always-neutral");

    private final String id;

    ModelKind(String id) { this.id = id; }

    public String id() { return id; }

    public boolean constant() { return this == ALWAYS_UP || this == ALWAYS_DOWN || this == ALWAYS_NEUTRAL; }

    /** The base learners this kind fits (empty for constants). */
    public List<LearnerKind> learners() {
        return switch (this) {
            case STACK -> List.of(LearnerKind.GBM, LearnerKind.RF, LearnerKind.LOGREG, LearnerKind.LSTM);
            case GBM -> List.of(LearnerKind.GBM);
            case RF -> List.of(LearnerKind.RF);
            case LOGREG -> List.of(LearnerKind.LOGREG);
            case LSTM -> List.of(LearnerKind.LSTM);
            case ALWAYS_UP, ALWAYS_DOWN, ALWAYS_NEUTRAL -> List.of();
        };
    }

    /** The fixed output [down, neutral, up] of a constant kind. */
    public double[] constantProbs() {
        return switch (this) {
            case ALWAYS_UP -> new double[]{0, 0, 1};
            case ALWAYS_DOWN -> new double[]{1, 0, 0};
            case ALWAYS_NEUTRAL -> new double[]{0, 1, 0};
            default -> throw new IllegalStateException(id + " is not a constant model");
        };
    }

    public static ModelKind parse(String text) {
        for (ModelKind k : values()) if (k.id.equalsIgnoreCase(text.trim())) return k;
        throw new IllegalArgumentException("unknown model '" + text + "'; use one of " + names());
    }

    public static String names() { return Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", ")); }

    @Override public String toString() { return id; }
}
