package msb.live;

/** Receives what the engine decided and did on a bar; {@code data} is any JSON-serialisable value. */
@FunctionalInterface
public interface EventSink {
    void emit(long barTs, String type, Object data);
}
