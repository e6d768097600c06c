package msb.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import msb.core.UserInputException;

/**
 * The cohort wallets, from a text file of {@code role,address} lines: role {@code pros} (profitable wallets,
 * S_top) or {@code amateurs} (unprofitable ones, S_bot), address a 0x-prefixed 40-hex-digit wallet.
 * Blank lines and lines starting with # are skipped; an address may appear once.
 */
public record CohortAddresses(List<String> pros, List<String> amateurs) {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public CohortAddresses {
        pros = List.copyOf(pros);
        amateurs = List.copyOf(amateurs);
    }

    /** Every address, pros first. */
    public List<String> all() {
        List<String> out = new ArrayList<>(pros);
        out.addAll(amateurs);
        return out;
    }

    public static CohortAddresses read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserInputException("--cohorts " + file + ": cannot read it (" + e.getMessage() + "); pass a file of role,address lines");
        }
        List<String> pros = new ArrayList<>();
        List<String> amateurs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + " line " + (i + 1) + ": ";
            String[] f = line.split(",", -1);
            if (f.length != 2) throw new UserInputException(where + "expected role,address (e.g. pros,0xabc...), found '" + line + "'");
            String role = f[0].strip().toLowerCase(Locale.ROOT);
            String address = f[1].strip().toLowerCase(Locale.ROOT);
            if (!ADDRESS.matcher(address).matches()) {
                throw new UserInputException(where + "address '" + f[1].strip() + "' is not 0x followed by 40 hex digits");
            }
            if (!seen.add(address)) throw new UserInputException(where + "address " + address + " is listed twice; list it once");
            switch (role) {
                case "pros" -> pros.add(address);
                case "amateurs" -> amateurs.add(address);
                default -> throw new UserInputException(where + "role '" + f[0].strip() + "': use pros or amateurs");
            }
        }
        if (pros.isEmpty() && amateurs.isEmpty()) {
            throw new UserInputException("--cohorts " + file + " lists no address; add lines like pros,0x<40 hex digits>");
        }
        return new CohortAddresses(pros, amateurs);
    }
}
