package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import msb.core.Hashing;
import msb.core.Json;
import msb.data.Bars;
import msb.data.CliRun;
import msb.data.DailyWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's hostile-input corpus: every input runs through the real CLI in-process and must end in exit 0
 * with the right data or exit 2 with ONE clear line: never exit 1, a stack trace, a usage dump, a hang
 * (the 60 s bound is a hang guard only) or a message quoting megabytes. The README states how many inputs
 * this tries; the test checks that figure against its own count.
 */
class HostileInputCorpusTest {
    /** The longest acceptable error line (a message is cut in the middle beyond Messages.MAX_CHARS). */
    private static final int MAX_ERROR_CHARS = Messages.MAX_CHARS + 100;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    static Path shared;
    private static Path base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildBaseHome() { base = baseHome(shared); }

    @Test
    void everyHostileInputEndsInExitZeroWithTheRightDataOrExitTwoWithOneLine() throws IOException {
        List<HostileInputs.Case> cases = new ArrayList<>();
        cases.addAll(HostileInputs.contractLegal());
        cases.addAll(HostileInputs.contractRefusals());
        cases.addAll(HostileInputs.csvRows());
        cases.addAll(HostileInputs.otherLayouts());
        cases.addAll(HostileInputs.funding());
        cases.addAll(HostileInputs.sizes());
        cases.addAll(HostileInputs.options());
        cases.addAll(storeCases());

        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (HostileInputs.Case c : cases) {
            Path dir = tmp.resolve("case-" + tried++);
            try {
                String[] args = c.prepare().apply(dir);
                CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.runArgs(args), c.name());
                String why = verdict(c, r);
                if (why == null) c.check().accept(dir, r);
                else failures.add(c.name() + ": " + why);
            } catch (AssertionError | RuntimeException e) {
                failures.add(c.name() + ": " + e.getMessage());
            } finally {
                deleteTree(dir); // the sparse files and homes of one case never pile up
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + tried + " inputs failed:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(30, failures.size()))));
        assertEquals(readmeFigure(), tried, "README.md's 'Hostile input: N inputs tried' states this test's count");
    }

    /** Null when the run ended as due; else what is wrong. */
    private static String verdict(HostileInputs.Case c, CliRun r) {
        String err = r.err();
        if (err.contains("\tat ") || err.contains("Exception in") || err.contains("Caused by") || err.contains("[Source:")) {
            return "stack trace or parser internals on stderr: " + cut(err);
        }
        if (r.code() != c.expectedCode()) return "exit " + r.code() + ", expected " + c.expectedCode() + "; stderr: " + cut(err);
        if (r.code() == 2) {
            List<String> lines = err.strip().lines().toList();
            String last = lines.isEmpty() ? "" : lines.getLast();
            if (!last.startsWith("msb: ")) return "the error line does not start with 'msb: ': " + cut(err);
            if (last.length() > MAX_ERROR_CHARS) return "the error line has " + last.length() + " characters";
            if (err.contains("Usage:")) return "a usage dump: " + cut(err);
            List<String> others = lines.subList(0, lines.size() - 1).stream().filter(l -> !isProgress(l)).toList();
            if (!others.isEmpty()) return "more than one error line: " + cut(err);
        }
        return null;
    }

    /** What commands print on stderr while they work, before an error ends them. */
    private static boolean isProgress(String line) {
        return line.startsWith("msb: fetching") || line.startsWith("msb: built") || line.startsWith("msb: no promoted")
                || line.startsWith("msb: replaying") || line.startsWith("msb: artifact") && line.contains("SHADOW mode")
                || line.startsWith("evaluating ") || line.startsWith("skipped ");
    }

    private static String cut(String s) { return s.length() > 400 ? s.substring(0, 400) + "..." : s; }

    private static int readmeFigure() throws IOException {
        Path readme = Path.of("README.md");
        Matcher m = Pattern.compile("Hostile input: (\\d+) inputs tried").matcher(Files.readString(readme));
        assertTrue(m.find(), "README.md has a 'Hostile input: N inputs tried' paragraph");
        return Integer.parseInt(m.group(1));
    }

    // ---- stores a user or an attacker edited: LATEST.json, manifests, pipeline.json, state.json, experiment files --

    /** A copied home resumes its runner with its OWN artifact (state records it relative to the home). */
    @Test
    void aCopiedHomeResumesWithItsOwnArtifact() {
        Path copy = tmp.resolve("copy");
        copyTree(base, copy);
        Path original = run(base);
        CliRun r = CliRun.run(copy, "run-live", "--tf", "24h", "--max-bars", "25");
        assertEquals(3, r.code(), r.err()); // the run is not promoted: shadow mode ends in exit 3
        assertTrue(r.err().contains("artifact " + copy.resolve("models/BTC/24h").resolve(original.getFileName())), r.err());
        assertTrue(!r.err().contains(base.toString()), "nothing of the original home is used: " + r.err());
    }

    /** A home with daily bars, a 24h dataset, a logreg run (not promoted) and a runner's state. */
    private static Path baseHome(Path tmp) {
        Path base = tmp.resolve("base");
        Bars b = DailyWalk.bars(2400, 12); // enough rows for the min_train_rows gate: the run holds a model
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < b.size(); i++) {
            csv.append(b.ts(i) - 86_400).append(',').append(b.open()[i]).append(',').append(b.high()[i]).append(',')
                    .append(b.low()[i]).append(',').append(b.close()[i]).append(',').append(b.volume()[i]).append('\n');
        }
        Path file = CliRun.write(tmp.resolve("base-in"), "daily.csv", csv.toString());
        assertEquals(0, CliRun.run(base, "data", "import", "--in", file.toString()).code());
        assertEquals(0, CliRun.run(base, "dataset", "build", "--tf", "24h").code());
        CliRun train = CliRun.run(base, "train", "--tf", "24h", "--model", "logreg", "--no-promote");
        assertTrue(train.code() == 0 || train.code() == 3, train.err());
        CliRun live = CliRun.run(base, "run-live", "--tf", "24h", "--artifact", run(base).toString(), "--max-bars", "20");
        assertTrue(live.code() == 0 || live.code() == 3, live.err());
        return base;
    }

    private static Path run(Path home) {
        try (Stream<Path> s = Files.list(home.resolve("models/BTC/24h"))) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case on a copy of the base home, edited by {@code edit}, then running {@code args}. */
    private HostileInputs.Case edited(String name, Consumer<Path> edit, String... args) {
        return new HostileInputs.Case(name, 2, dir -> {
            copyTree(base, dir.resolve("home"));
            edit.accept(dir.resolve("home"));
            String[] x = args.clone();
            for (int i = 0; i < x.length; i++) if (x[i].equals("@RUN")) x[i] = run(dir.resolve("home")).toString();
            return HostileInputs.args(dir, x);
        }, (dir, r) -> { });
    }

    private List<HostileInputs.Case> storeCases() {
        List<HostileInputs.Case> out = new ArrayList<>();
        String latest = "models/BTC/24h/LATEST.json";
        for (String runId : new String[]{".", "", "..", "../24h", "/etc", "nope"}) {
            out.add(edited("LATEST.json run_id '" + runId + "'", h -> writeText(h.resolve(latest),
                    "{\"run_id\":\"" + runId + "\",\"manifest_sha256\":\"x\",\"promoted_at\":\"x\"}"), "run-live", "--tf", "24h"));
        }
        out.add(edited("LATEST.json a directory", h -> mkdirs(h.resolve(latest)), "run-live", "--tf", "24h"));
        out.add(edited("LATEST.json not JSON", h -> writeText(h.resolve(latest), "{"), "evaluate", "--tf", "24h"));
        out.add(edited("LATEST.json a JSON array", h -> writeText(h.resolve(latest), "[1]"), "evaluate", "--tf", "24h"));
        out.add(edited("dataset manifest tf 7m", h -> editJson(h.resolve("datasets/BTC/24h/manifest.json"), o -> o.put("tf", "7m")),
                "train", "--tf", "24h", "--model", "logreg"));
        for (String[] f : new String[][]{{"tf", "7m"}, {"model", "nope"}, {"symbol", "ETH"}}) {
            out.add(edited("artifact manifest " + f[0] + " " + f[1] + " (content hash recomputed)",
                    h -> editManifest(run(h), o -> o.put(f[0], f[1])), "evaluate", "--artifact", "@RUN"));
        }
        out.add(edited("pipeline.json unknown learner (hashes recomputed)", h -> {
            Path p = run(h).resolve("pipeline.json");
            editJson(p, o -> o.putArray("learners").add("quantum"));
            editManifest(run(h), o -> ((ObjectNode) o.get("files")).put("pipeline.json", Hashing.sha256(p)));
        }, "evaluate", "--artifact", "@RUN"));
        String state = "state/BTC/24h/state.json";
        for (String field : new String[]{"tf", "artifact", "engine", "status", "alerts"}) {
            out.add(edited("state.json " + field + " null", h -> editJson(h.resolve(state), o -> o.putNull(field)),
                    "run-live", "--tf", "24h", "--artifact", "@RUN", "--max-bars", "25"));
        }
        out.add(edited("state.json bars_processed text", h -> editJson(h.resolve(state), o -> o.put("bars_processed", "many")),
                "status", "--state-dir", "@STATE"));
        out.add(edited("state.json engine garbage", h -> editJson(h.resolve(state), o -> o.put("engine", "garbage")),
                "run-live", "--tf", "24h", "--artifact", "@RUN", "--max-bars", "25"));
        out.add(edited("state.json not JSON", h -> writeText(h.resolve(state), "{\"version\":"), "status"));
        for (String seed : new String[]{"99999999999999999999", "1.5", "abc", "-99999999999999999999"}) {
            out.add(edited("experiment seed " + seed, h -> writeText(h.resolve("exp.yaml"), "tf: 24h\nmodel: logreg\nseed: " + seed + "\n"),
                    "train", "--tf", "24h", "--experiment", "@EXP"));
        }
        // @STATE and @EXP name files of the case's own home
        out.replaceAll(c -> new HostileInputs.Case(c.name(), c.expectedCode(), dir -> {
            String[] a = c.prepare().apply(dir);
            for (int i = 0; i < a.length; i++) {
                if (a[i].equals("@STATE")) a[i] = dir.resolve("home/state/BTC/24h").toString();
                if (a[i].equals("@EXP")) a[i] = dir.resolve("home/exp.yaml").toString();
            }
            return a;
        }, c.check()));
        return out;
    }

    private static void editManifest(Path runDir, Consumer<ObjectNode> edit) {
        editJson(runDir.resolve("manifest.json"), o -> {
            edit.accept(o);
            ObjectNode copy = o.deepCopy();
            copy.remove("content_sha256");
            o.put("content_sha256", Hashing.sha256(Json.pretty(copy))); // as a forger would: the hash matches
        });
    }

    private static void editJson(Path file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode o = (ObjectNode) Json.mapper().readTree(file.toFile());
            edit.accept(o);
            Files.writeString(file, Json.pretty(o));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.isDirectory(file)) deleteTree(file);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.deleteIfExists(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
