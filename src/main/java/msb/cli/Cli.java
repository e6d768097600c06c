package msb.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import msb.core.Workspace;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers every command shares. */
public final class Cli {
    private Cli() {}

    /** The workspace of the --home option, found through the root command. */
    public static Workspace workspace(CommandSpec spec) {
        return ((Main) spec.root().userObject()).workspace();
    }

    /**
     * picocli's error writer as a PrintStream, for the layers below that report on a PrintStream: messages go
     * where the command line's streams go (tests and embedding callers capture them), line by line.
     */
    public static PrintStream err(CommandSpec spec) {
        PrintWriter w = spec.commandLine().getErr();
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                buf.write(b);
                if (b == '\n') flush();
            }

            @Override
            public void flush() {
                if (buf.size() > 0) w.write(buf.toString(StandardCharsets.UTF_8));
                buf.reset();
                w.flush();
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }

    /** A path option as an absolute path: relative ones are under --home, which confines every write. */
    public static Path underHome(Workspace ws, Path path) {
        return (path.isAbsolute() ? path : ws.home().resolve(path)).toAbsolutePath().normalize();
    }

    /**
     * An output directory option (--report, --out) confined to the home (every file msb writes goes under --home):
     * a relative DIR is taken under it, an absolute one outside it is refused, and so is an existing file.
     * Callers check it before any work.
     */
    public static Path outputDir(Workspace ws, Path dirOption, String option) {
        Path dir = underHome(ws, dirOption);
        if (!dir.startsWith(ws.home())) {
            throw new msb.core.UserInputException(option + " " + dirOption + " is outside --home " + ws.home() + "; msb writes only"
                    + " under --home: pass a directory under it (a relative DIR is taken under it, e.g. reports/latest)");
        }
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new msb.core.UserInputException(option + " " + dirOption + " is a file, not a directory; pass a directory"
                    + " (created when missing), e.g. reports/latest");
        }
        return dir;
    }
}
