package msb.core;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 of files, bytes and strings, as lowercase hex. */
public final class Hashing {
    private Hashing() {}

    /** A running sha256 over memory: Java arrays, or a mapped file without copying it. */
    public interface Sha256 {
        void update(MemorySegment data);

        default void update(byte[] b, int off, int len) { update(MemorySegment.ofArray(b).asSlice(off, len)); }

        /** The 32-byte digest; the digest is finished. */
        byte[] digest();

        default String hex() { return HexFormat.of().formatHex(digest()); }
    }

    /**
     * Starts the digest's set-up on a pool thread: linking OpenSSL's entry points is tens of milliseconds of
     * one-time work per process, which then overlaps what the caller reads meanwhile.
     */
    public static void prepareInBackground() { java.util.concurrent.CompletableFuture.runAsync(NativeSha256::available); }

    /** A running sha256: OpenSSL's where it can be called ({@link NativeSha256} says why), else the JDK's. */
    public static Sha256 running() {
        return NativeSha256.available() ? NativeSha256.start() : jdk();
    }

    /** The JDK's digest, whatever {@link #running} uses: tests compare the two. */
    static Sha256 jdk() {
        MessageDigest md = sha256();
        return new Sha256() {
            @Override
            public void update(MemorySegment data) { md.update(data.asByteBuffer()); }

            @Override
            public byte[] digest() { return md.digest(); }
        };
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String sha256(byte[] bytes) {
        Sha256 h = running();
        h.update(bytes, 0, bytes.length);
        return h.hex();
    }

    public static String sha256(String text) { return sha256(text.getBytes(StandardCharsets.UTF_8)); }

    /** The file's sha256, read through a mapping: the page cache's pages are hashed where they are. */
    public static String sha256(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            Sha256 h = running();
            long size = ch.size();
            if (size > 0) h.update(ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena));
            return h.hex();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
