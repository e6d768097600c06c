package msb.core;

import java.util.List;

/**
 * A check ran and failed (a gate refused promotion, a degenerate model was flagged): exit code 3.
 * Printed without a stack trace.
 */
public class CheckFailedException extends RuntimeException {
    private final List<String> failures;

    public CheckFailedException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    public CheckFailedException(String message) { this(message, List.of()); }

    public List<String> failures() { return failures; }
}
