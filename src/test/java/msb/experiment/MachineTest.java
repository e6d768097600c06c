package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {
    @Test
    void cpuModelFromCpuinfo(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: Test CPU @ 2.00GHz\nflags\t: x\n");
        assertEquals("Test CPU @ 2.00GHz", Machine.cpuModel(f));
        assertTrue(Machine.cpuModel(dir.resolve("absent")).startsWith("unknown"));
        assertTrue((Integer) Machine.describe().get("nproc") >= 1);
    }
}
