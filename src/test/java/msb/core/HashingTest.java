package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way msb computes a sha256 gives the standard digest: OpenSSL's (when used) and the JDK's agree byte for byte. */
class HashingTest {
    @TempDir
    Path tmp;

    @Test void knownDigests() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashing.sha256(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.sha256("abc"));
    }

    @Test void opensslAndTheJdkAgree() {
        assumeTrue(NativeSha256.available(), "OpenSSL's libcrypto is not usable here (or native access is off): msb uses the JDK's");
        Random r = new Random(15);
        for (int size : new int[]{0, 1, 55, 56, 63, 64, 65, 1000, 65_536, 1 << 20, 3_000_017}) {
            byte[] b = new byte[size];
            r.nextBytes(b);
            Hashing.Sha256 jdk = Hashing.jdk(), ours = Hashing.running();
            for (int off = 0; off < size; ) { // uneven updates, as the writers' chunks are
                int len = Math.min(size - off, 1 + r.nextInt(70_000));
                jdk.update(b, off, len);
                ours.update(b, off, len);
                off += len;
            }
            assertEquals(HexFormat.of().formatHex(jdk.digest()), ours.hex(), size + " bytes");
        }
    }

    @Test void aFileHashesAsItsBytes() throws Exception {
        byte[] b = new byte[2_500_001];
        new Random(3).nextBytes(b);
        Path f = Files.write(tmp.resolve("f.bin"), b);
        Hashing.Sha256 jdk = Hashing.jdk();
        jdk.update(b, 0, b.length);
        assertEquals(HexFormat.of().formatHex(jdk.digest()), Hashing.sha256(f));
        assertEquals(Hashing.sha256(b), Hashing.sha256(f));
        assertEquals(Hashing.sha256(new byte[0]), Hashing.sha256(Files.write(tmp.resolve("empty"), new byte[0])));
    }
}
