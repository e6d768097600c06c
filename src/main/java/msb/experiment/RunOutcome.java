package msb.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code experiment run} produced: the run directory (record.json, spec, report/), the record as written,
 * and the problems that make the run exit 3 (gates that refused promotion, directional-balance flags).
 */
public record RunOutcome(String runId, Path runDir, Map<String, Object> record, List<String> problems) {
    public RunOutcome {
        problems = List.copyOf(problems);
    }

    public int exitCode() { return problems.isEmpty() ? 0 : 3; }
}
