package msb.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Says WHY a file operation failed. java.nio's exceptions carry the path as their message, so
 * "could not read X: " + e.getMessage() printed "could not read X: X"; this names the reason.
 */
public final class IoProblem {
    private IoProblem() {}

    /** "permission denied", "no such file or directory", "read-only file system", "no space left on device", ... */
    public static String why(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) e = u.getCause();
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof NotDirectoryException) return "a path component is not a directory";
        if (e instanceof ReadOnlyFileSystemException) return "read-only file system";
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) return f.getReason().toLowerCase(java.util.Locale.ROOT);
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * True when the failure is the user's to fix (permissions, a read-only or full disk, a file where a
     * directory belongs): exit 2 with {@link #why}, not an unexpected error.
     */
    public static boolean isUsers(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) e = u.getCause();
        if (e instanceof AccessDeniedException || e instanceof NotDirectoryException || e instanceof NoSuchFileException
                || e instanceof ReadOnlyFileSystemException || e instanceof java.nio.file.FileAlreadyExistsException) {
            return true;
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason().toLowerCase(java.util.Locale.ROOT);
            return r.contains("read-only") || r.contains("no space") || r.contains("permission") || r.contains("not a directory")
                    || r.contains("is a directory") || r.contains("quota") || r.contains("not permitted")
                    || r.contains("not supported");
        }
        return e instanceof IOException && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no space");
    }

    /** The path the failure names, or null. */
    public static String file(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) e = u.getCause();
        return e instanceof FileSystemException f ? f.getFile() : null;
    }
}
