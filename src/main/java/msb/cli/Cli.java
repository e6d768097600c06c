package msb.cli;

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

    /** A path option as an absolute path: relative ones are under --home, which confines every write. */
    public static Path underHome(Workspace ws, Path path) {
        return (path.isAbsolute() ? path : ws.home().resolve(path)).toAbsolutePath().normalize();
    }
}
