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
}
