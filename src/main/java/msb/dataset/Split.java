package msb.dataset;

/** Which part of the chronological split a dataset row belongs to. */
public enum Split {
    TRAIN, VAL, TEST,
    /** Dropped from training because its label's horizon reaches into the next split. */
    PURGED,
    /** The gap after a purge, so that serially correlated rows do not straddle two splits. */
    EMBARGO;

    /** Computed once: CSV output asks for it on every row. */
    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() { return label; }

    public static Split parse(String s) { return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)); }
}
