package msb.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import msb.core.Json;
import msb.core.UserInputException;

/**
 * The append-only JSONL event log of a runner. Lines are buffered as bytes and written whole every 64 KB and
 * at each checkpoint, which records {@link #committedBytes()} and forces them to disk ({@link #force()}) before
 * its state is renamed into place.
 * On resume the log is cut back to the checkpoint's length: that drops a torn last line and every event
 * after the checkpoint, which the deterministic re-run of those bars then writes again exactly once.
 */
public final class EventLog implements EventSink, AutoCloseable {
    private static final int FLUSH_BYTES = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final JsonLineBuffer pending = new JsonLineBuffer(2 * FLUSH_BYTES);
    private long committedBytes;
    private long seq;

    private EventLog(Path file, FileChannel channel, long committedBytes, long seq) {
        this.file = file;
        this.channel = channel;
        this.committedBytes = committedBytes;
        this.seq = seq;
    }

    /** Opens the log, cutting it to {@code keepBytes} (the last checkpoint; 0 for a fresh run). */
    public static EventLog open(Path file, long keepBytes, long seq) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            long size = ch.size();
            if (size < keepBytes) {
                ch.close();
                throw new UserInputException(file + " is shorter (" + size + " bytes) than its checkpoint ("
                        + keepBytes + " bytes): the state directory was modified; delete " + file.getParent()
                        + " to start over or pass another --state-dir");
            }
            ch.truncate(keepBytes);
            ch.position(keepBytes);
            return new EventLog(file, ch, keepBytes, seq);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open event log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    /** Sequence number of the last event written (0 before any). */
    public long seq() { return seq; }

    @Override
    public void emit(long barTs, String type, Object data) {
        // The envelope is written by hand, in the bytes Json.line gives a map of these four keys (sorted:
        // bar_ts, data, seq, type). This runs once per bar or more.
        int lineStart = pending.length();
        try {
            pending.raw(BAR_TS).num(barTs).raw(DATA);
            EventPayloads.write(pending, data);
            pending.raw(SEQ).num(seq + 1).raw(TYPE).str(type).raw(END);
        } catch (RuntimeException e) { // an unserialisable payload: no half line stays behind
            pending.truncate(lineStart);
            throw e;
        }
        seq++;
        if (pending.length() >= FLUSH_BYTES) write();
    }

    private static final byte[] BAR_TS = ascii("{\"bar_ts\":"), DATA = ascii(",\"data\":"), SEQ = ascii(",\"seq\":"),
            TYPE = ascii(",\"type\":"), END = ascii("}\n");

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    /** The line {@link #emit} writes, made the general way (the reference its hand-written envelope must equal). */
    static String referenceLine(long seq, long barTs, String type, Object data) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("bar_ts", barTs);
        line.put("type", type);
        line.put("data", data);
        return Json.line(line);
    }

    /** Writes what is buffered and forces it to disk; returns the committed length. */
    public long sync() {
        long bytes = flush();
        force();
        return bytes;
    }

    /** Writes what is buffered (to the page cache, not yet durable); returns the committed length. */
    long flush() {
        write();
        return committedBytes;
    }

    /**
     * Forces everything written so far to disk. Safe from another thread while this one goes on appending (a
     * checkpoint writer): what it makes durable is at least what was written before it was called.
     */
    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not sync " + file + ": " + e.getMessage(), e);
        }
    }

    /** Bytes written so far (buffered lines excluded). */
    public long committedBytes() { return committedBytes; }

    private void write() {
        if (pending.isEmpty()) return;
        ByteBuffer buf = pending.view();
        try {
            while (buf.hasRemaining()) committedBytes += channel.write(buf);
            pending.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            write();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last {@code n} complete lines of a log (for `monitor`); a torn last line is skipped. */
    public static List<String> tail(Path file, int n) {
        if (!Files.exists(file)) return List.of();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long from = Math.max(0, size - 256L * 1024);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
            ch.read(buf, from);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) return List.of();
            String[] lines = text.substring(0, end).split("\n");
            int start = from > 0 ? 1 : 0; // the first line of a window may be cut
            List<String> out = new ArrayList<>();
            for (int i = Math.max(start, lines.length - n); i < lines.length; i++) out.add(lines[i]);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
