package msb.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package tree is the architecture: data -> features -> dataset -> model -> evaluate, with the signal kernel
 * (verdicts, metrics) under model and evaluate, decision and trading beside, live on features, model and trading,
 * cli on top and imported by none. Every import of main code is checked against these arrows.
 */
class LayersTest {
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("signal", Set.of("core")),
            Map.entry("data", Set.of("core")),
            Map.entry("features", Set.of("core", "data")),
            Map.entry("dataset", Set.of("core", "data", "features")),
            Map.entry("model", Set.of("core", "signal", "data", "features", "dataset")),
            Map.entry("decision", Set.of("core", "signal")),
            Map.entry("trading", Set.of("core", "signal", "data", "decision")),
            Map.entry("evaluate", Set.of("core", "signal", "data", "features", "dataset", "model", "decision", "trading")),
            Map.entry("live", Set.of("core", "signal", "data", "features", "dataset", "model", "decision", "trading")),
            Map.entry("experiment", Set.of("core", "signal", "data", "features", "dataset", "model", "decision", "trading", "evaluate")),
            Map.entry("bench", Set.of("core", "signal", "data", "features", "dataset", "model", "decision", "trading", "evaluate", "live")),
            // research: the notebooks' typed API, on top of every stage, imported by none
            Map.entry("research", Set.of("core", "signal", "data", "features", "dataset", "model", "decision", "trading", "evaluate", "live",
                    "experiment")),
            Map.entry("cli", Set.of("core", "signal", "data", "features", "dataset", "model", "decision", "trading", "evaluate", "live",
                    "experiment", "bench")));
    static final Pattern REF = Pattern.compile("\\bmsb\\.([a-z]+)\\.[A-Za-z]");

    @Test
    void everyImportFollowsTheArrows() throws IOException {
        Path root = Path.of(System.getProperty("msb.project.dir", "."), "src", "main", "java", "msb");
        List<String> bad = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                if (f.getParent().equals(root)) continue;
                Set<String> allowed = ALLOWED.get(pkg);
                assertTrue(allowed != null, "package msb." + pkg + " has no place in the layers; add it to LayersTest");
                files++;
                String text = Files.readString(f);
                Matcher m = REF.matcher(text);
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(pkg) && ALLOWED.containsKey(to) && !allowed.contains(to)) {
                        bad.add(root.relativize(f) + " refers to msb." + to);
                    }
                }
            }
        }
        assertTrue(files > 100, "scanned " + files + " files under " + root);
        assertEquals(List.of(), bad);
    }
}
