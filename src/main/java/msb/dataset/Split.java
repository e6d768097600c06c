package msb.dataset;

/** Which part of the chronological split a dataset row belongs to. */
public enum Split {
    TRAIN, VAL, TEST,
    /** Dropped from training because its label's horizon reaches into the next split. */
    PURGED,
    /** The gap after a purge, so that serially correlated rows do not straddle two splits. */
    EMBARGO;

    public String label() { return name().toLowerCase(); }

    public static Split parse(String s) { return valueOf(s.trim().toUpperCase()); }
}
