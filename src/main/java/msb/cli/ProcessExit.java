package msb.cli;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;

/**
 * How the msb process ends. {@link System#exit} first looks up the {@code java.lang.Runtime} System.Logger, whose
 * backend detection opens every jar on the class path (~60) to look for a provider: tens of milliseconds, a fifth
 * of a short command. Its only other work is running what waits for the exit: the JDK's shutdown hook slots
 * ({@code java.lang.Shutdown}): application shutdown hooks (Hadoop, JNA, JFR register some), files to delete on
 * exit (DJL's extracted libraries) and the console's echo restore. When none of those holds anything,
 * {@link Runtime#halt} ends the process the same way without the lookup; otherwise, or when the JDK's internals
 * cannot be read (the launcher opens java.lang and java.io for this; tests and other launches do not), the
 * process exits normally.
 */
final class ProcessExit {
    /** The slots of java.lang.Shutdown.hooks this knows how to check (JDK 25): application hooks, delete-on-exit files. */
    private static final int APPLICATION_HOOKS_SLOT = 1, DELETE_ON_EXIT_SLOT = 2;

    private ProcessExit() {}

    /** Ends the process with {@code code} after flushing stdout and stderr; never returns. */
    static void exit(int code) {
        System.out.flush();
        System.err.flush();
        try {
            haltIfNothingWaits(code);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // internals not readable (no --add-opens) or not as expected (another JDK): the normal exit
        }
        System.exit(code);
    }

    /** Whether nothing waits for the JVM's exit now; throws when the JDK's internals cannot be read. */
    static boolean nothingWaits() throws ReflectiveOperationException {
        return haltIfNothingWaits(null);
    }

    /**
     * Halts with {@code code} (unless null) when nothing waits for the JVM's exit, with nothing able to start
     * waiting meanwhile: hooks and files are added under these classes' monitors and the slots under Shutdown's
     * lock, and all three are held. Returns whether nothing waited.
     */
    private static boolean haltIfNothingWaits(Integer code) throws ReflectiveOperationException {
        Class<?> appHooks = Class.forName("java.lang.ApplicationShutdownHooks", false, null);
        Class<?> deleteOnExit = Class.forName("java.io.DeleteOnExitHook", false, null);
        synchronized (appHooks) {
            synchronized (deleteOnExit) {
                synchronized (staticField(Class.forName("java.lang.Shutdown"), "lock")) {
                    boolean none = nothingWaits(appHooks, deleteOnExit);
                    if (none && code != null) Runtime.getRuntime().halt(code);
                    return none;
                }
            }
        }
    }

    /**
     * Every shutdown slot empty, or the application hooks' slot with no hook and the delete-on-exit slot with no
     * file. A slot is filled when its class is first used, so a class never used is never initialised here.
     */
    private static boolean nothingWaits(Class<?> appHooks, Class<?> deleteOnExit) throws ReflectiveOperationException {
        Object[] slots = (Object[]) staticField(Class.forName("java.lang.Shutdown"), "hooks");
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) continue;
            // a null map or set: the hooks have run (an exit already in progress), not ours to judge
            boolean empty = switch (i) {
                case APPLICATION_HOOKS_SLOT -> staticField(appHooks, "hooks") instanceof Map<?, ?> hooks && hooks.isEmpty();
                case DELETE_ON_EXIT_SLOT -> staticField(deleteOnExit, "files") instanceof Collection<?> files && files.isEmpty();
                default -> false; // the console's echo restore, or a slot this does not know
            };
            if (!empty) return false;
        }
        return true;
    }

    private static Object staticField(Class<?> c, String name) throws ReflectiveOperationException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
