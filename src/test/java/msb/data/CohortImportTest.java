package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import msb.core.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortImportTest {
    @TempDir
    Path tmp;

    @Test void storesAndLoadsCohortSignals() {
        Path file = CliRun.write(tmp.resolve("in"), "c.csv", "ts,S_top,S_bot,mood\r\n1700000300,0.5,-0.25,0\r\n1700000600,-1,1,0.125\r\n");
        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "data", "import", "--cohorts", file.toString());
        assertEquals(0, r.code(), r.err());
        CohortSignals c = RawStore.cohorts(Workspace.at(home), "BTC").orElseThrow();
        assertArrayEquals(new long[]{1700000300, 1700000600}, c.ts());
        assertArrayEquals(new double[]{0.5, -1}, c.sTop());
        assertArrayEquals(new double[]{-0.25, 1}, c.sBot());
        assertArrayEquals(new double[]{0, 0.125}, c.mood());
        assertEquals(1, c.indexOf(1700000600));
        assertEquals(-1, c.indexOf(1700000400));
        assertEquals(0, c.indexAt(1700000400));
        assertEquals(-1, c.indexAt(1700000299));
        assertTrue(RawStore.cohorts(Workspace.at(home), "ETH").isEmpty());
    }

    @Test void refusesOutOfRangeAndUnsortedRows() {
        Path home = tmp.resolve("home");
        Path bad = CliRun.write(tmp.resolve("in"), "bad.csv", "ts,S_top,S_bot,mood\n1700000300,1.5,0,0\n");
        CliRun r = CliRun.run(home, "data", "import", "--cohorts", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv line 2") && r.err().contains("S_top"), r.err());
        Path unsorted = CliRun.write(tmp.resolve("in"), "u.csv", "ts,S_top,S_bot,mood\n1700000600,0,0,0\n1700000300,0,0,0\n");
        CliRun r2 = CliRun.run(home, "data", "import", "--cohorts", unsorted.toString());
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("u.csv line 3"), r2.err());
        assertTrue(CliRun.filesUnder(home).isEmpty());
    }
}
