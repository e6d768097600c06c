package msb.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import msb.cli.Main;
import picocli.CommandLine;

/** Runs the real CLI in-process with captured stdout/stderr. */
public record CliRun(int code, String out, String err) {
    public static CliRun run(Path home, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return runArgs(all);
    }

    /** Runs the CLI with {@code args} exactly as given (no {@code --home} added), capturing stdout/stderr. */
    public static CliRun runArgs(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = execute(out, err, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs the CLI with {@code args} exactly as given (no {@code --home} added); stdout/stderr go to {@code out}/{@code err}. */
    public static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /**
     * Every regular file under {@code dir} (none when it does not exist), except the home lock file: it holds
     * no data, and it stays by design (deleting it on release would let two writers lock two different files).
     */
    public static List<Path> filesUnder(Path dir) {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(msb.core.StoreLock.HOME_LOCK_FILE)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String name, byte[] content) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
