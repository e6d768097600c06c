package msb.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import msb.core.Json;

/**
 * The timeframes one `run-live --tf A,B,...` process runs: {@code runners.json} in the parent of their state
 * directories (default {@code <home>/state/<SYMBOL>/}), rewritten atomically whenever a timeframe starts or
 * stops. {@code status} and {@code monitor} read it to show the timeframes side by side.
 *
 * @param members one per timeframe, in the order given; {@code outcome} is running, finished (end of data),
 *                stopped (--max-bars or the process ended), shadow (ran unpromoted, no order), refused (its
 *                input or artifact was refused before it ran) or failed (an unexpected error stopped it)
 */
public record RunnerGroup(String symbol, String feed, double maxTotalExposureFrac, List<Member> members) {
    public static final String FILE = "runners.json";

    public record Member(String tf, String stateDir, String outcome, String detail) {}

    public RunnerGroup {
        members = List.copyOf(members);
    }

    public RunnerGroup with(int i, String outcome, String detail) {
        List<Member> m = new ArrayList<>(members);
        Member old = m.get(i);
        m.set(i, new Member(old.tf(), old.stateDir(), outcome, detail));
        return new RunnerGroup(symbol, feed, maxTotalExposureFrac, m);
    }

    public void save(Path dir) { Json.write(dir.resolve(FILE), this); }

    public static Optional<RunnerGroup> load(Path dir) {
        Path f = dir.resolve(FILE);
        return Files.isRegularFile(f) ? Optional.of(Json.read(f, RunnerGroup.class)) : Optional.empty();
    }

    /**
     * The group {@code dir} holds (a multi-timeframe parent directory), or the group whose members include
     * the runner in {@code dir}.
     */
    public static Optional<RunnerGroup> around(Path dir) {
        Optional<RunnerGroup> here = load(dir);
        if (here.isPresent()) return here;
        Path parent = dir.toAbsolutePath().normalize().getParent();
        if (parent == null) return Optional.empty();
        String self = dir.toAbsolutePath().normalize().toString();
        return load(parent).filter(g -> g.members().stream().anyMatch(m -> Path.of(m.stateDir()).toAbsolutePath().normalize()
                .toString().equals(self)));
    }
}
