package msb.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One named verdict with the figures that decided it. Train's promotion gates and evaluate's flags are these
 * objects, computed by {@link Verdicts}: for the same rows and settings they are equal.
 *
 * @param name    e.g. direction_skill, two_sided, inert, one_sided
 * @param passed  whether it passed; "insufficient evidence" does not pass
 * @param detail  one readable sentence with the measured values and the limits
 * @param figures the numbers behind the detail, by name (units in the names); empty for verdicts of settings
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Verdict(String name, boolean passed, String detail, Map<String, Double> figures) {
    public Verdict {
        if (detail == null || detail.isBlank()) throw new IllegalArgumentException("verdict detail missing");
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public Verdict(String name, boolean passed, String detail) { this(name, passed, detail, Map.of()); }
}
