package msb.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFC 6455 WebSocket server on 127.0.0.1 (tests only): the opening handshake, unmasking of client
 * frames, text frames out, close answered, and {@link #dropAll()} to cut every connection without a close
 * frame (a dropped network). Every text message a client sends is queued in {@link #received}.
 */
final class WebSocketStub implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    WebSocketStub() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("ws-stub").start(this::acceptLoop);
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getLocalPort(); }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofPlatform().daemon().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            InputStream in = s.getInputStream();
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) key = line.substring(line.indexOf(':') + 1).trim();
            }
            if (key == null) {
                s.close();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            open.add(s);
            DataInputStream d = new DataInputStream(in);
            while (true) {
                int b0 = d.readUnsignedByte();
                int b1 = d.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) len = d.readUnsignedShort();
                else if (len == 127) len = d.readLong();
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) d.readFully(mask);
                byte[] payload = new byte[(int) len];
                d.readFully(payload);
                for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
                int opcode = b0 & 0x0f;
                if (opcode == 0x8) {
                    synchronized (s) {
                        frame(out, 0x8, payload);
                    }
                    break;
                }
                if (opcode == 0x1) received.add(new String(payload, StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            // the client went away or the connection was dropped
        } finally {
            open.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) if (c != '\r') b.write(c);
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65_536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
        }
        out.write(payload);
        out.flush();
    }

    /** Sends a text message to every open connection. */
    void broadcast(String text) {
        for (Socket s : new ArrayList<>(open)) {
            try {
                synchronized (s) {
                    frame(s.getOutputStream(), 0x1, text.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                open.remove(s);
            }
        }
    }

    /** Open connections now. */
    int connections() { return open.size(); }

    /** Waits (bounded) for the next message a client sends; null when none arrives in time. */
    String nextReceived() throws InterruptedException { return received.poll(10, TimeUnit.SECONDS); }

    /** Cuts every connection without a close frame. */
    void dropAll() {
        for (Socket s : new ArrayList<>(open)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() throws IOException {
        dropAll();
        server.close();
        acceptor.interrupt();
    }
}
