package msb.core;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * sha256 through the system's OpenSSL (libcrypto), when the JVM may call native code and the library is
 * there. Why: the JDK's SHA-256 runs its SHA-NI/AVX2 intrinsic only in code the optimising JIT compiled,
 * and the one-shot pipeline commands run on the quick-start compiler alone (see the launcher), where
 * SHA-256 goes at about 100 MB/s: hashing the 1M-bar import's input, bars and datasets was half of those
 * commands' CPU time. OpenSSL does about 1 GB/s from the first byte. The digest is the same function
 * (HashingTest compares both on the same bytes); without the library {@link Hashing} uses the JDK's.
 */
final class NativeSha256 {
    /** sizeof(SHA256_CTX) is 112 bytes; room to spare. */
    private static final long CTX_BYTES = 256;
    private static final MethodHandle INIT, UPDATE, FINAL;

    static {
        MethodHandle init = null, update = null, fin = null;
        try {
            if (NativeSha256.class.getModule().isNativeAccessEnabled()) { // else the JVM would warn on stderr
                SymbolLookup lib = lookup();
                if (lib != null) {
                    Linker linker = Linker.nativeLinker();
                    // the data pointer may point into a Java array (no copy): the calls are short and never block
                    Linker.Option heap = Linker.Option.critical(true);
                    // one shape for all three, so that the linker makes (and the JVM loads) one downcall stub, not
                    // three: about 40 ms of CPU per command. SHA256_Init(ctx) and SHA256_Final(md, ctx) get unused
                    // trailing arguments, which every C calling convention the JDK links for passes in registers
                    // the callee does not read (the caller owns them); HashingTest checks the digests.
                    FunctionDescriptor d = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
                    init = linker.downcallHandle(lib.findOrThrow("SHA256_Init"), d, heap);
                    update = linker.downcallHandle(lib.findOrThrow("SHA256_Update"), d, heap);
                    fin = linker.downcallHandle(lib.findOrThrow("SHA256_Final"), d, heap);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            init = update = fin = null; // no usable library: the JDK's digest
        }
        INIT = init;
        UPDATE = update;
        FINAL = fin;
    }

    private NativeSha256() {}

    private static SymbolLookup lookup() {
        for (String name : new String[]{"libcrypto.so.3", "libcrypto.3.dylib"}) {
            try {
                return SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException notThere) {
                // try the next name
            }
        }
        return null;
    }

    /** The largest piece hashed in one native call (1 MiB: about a millisecond). */
    static final long SLICE_BYTES = 1L << 20;

    static boolean available() { return INIT != null; }

    /** A running digest; {@link #available()} must be true. */
    static Hashing.Sha256 start() {
        MemorySegment ctx = Arena.ofAuto().allocate(CTX_BYTES, 16);
        try {
            check((int) INIT.invokeExact(ctx, MemorySegment.NULL, 0L));
        } catch (Throwable t) {
            throw failed(t);
        }
        return new Hashing.Sha256() {
            @Override
            public void update(MemorySegment data) {
                // at most SLICE_BYTES per call: a critical call holds off safepoints (and so every collection)
                // until it returns, and the JDK asks that such calls be short
                try {
                    for (long off = 0, size = data.byteSize(); off < size; off += SLICE_BYTES) {
                        long n = Math.min(SLICE_BYTES, size - off);
                        check((int) UPDATE.invokeExact(ctx, data.asSlice(off, n), n));
                    }
                } catch (Throwable t) {
                    throw failed(t);
                }
            }

            @Override
            public byte[] digest() {
                byte[] out = new byte[32];
                try {
                    check((int) FINAL.invokeExact(MemorySegment.ofArray(out), ctx, 0L));
                } catch (Throwable t) {
                    throw failed(t);
                }
                return out;
            }
        };
    }

    private static RuntimeException failed(Throwable t) {
        return t instanceof RuntimeException re ? re : new IllegalStateException("OpenSSL SHA-256 failed: " + t, t);
    }

    private static void check(int ok) {
        if (ok != 1) throw new IllegalStateException("OpenSSL SHA-256 returned " + ok);
    }
}
