package msb.dataset;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import msb.core.UserInputException;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.CohortStore;
import msb.data.EmbeddedData;
import msb.data.FundingStore;
import msb.data.FundingSeries;
import msb.data.RawStore;
import msb.data.SourceInfo;

/**
 * Finds the stored series a dataset is built from: the source named by {@code --source}, else the finest
 * stored one ({@link RawStore#finest}), else, when nothing is stored for the symbol, the embedded default
 * data (said on stderr). Funding comes from the raw store when one was imported.
 */
final class RawSources {
    private static final String EMBEDDED_SYMBOL = "BTC";

    private RawSources() {}

    static SourceData resolve(Workspace ws, String symbol, String sourceNameOrNull, PrintStream err) {
        return resolveOwn(ws, symbol, sourceNameOrNull, err);
    }

    /**
     * As above, with the stored bars of every symbol in {@code crossSymbols} (cross-asset features) that
     * {@link RawStore#forCross} picks for {@code tf} over the symbol's own range; one with nothing stored is an error
     * naming the import.
     */
    static SourceData resolve(Workspace ws, String symbol, String sourceNameOrNull, List<String> crossSymbols, Timeframe tf,
                              PrintStream err) {
        SourceData own = resolveOwn(ws, symbol, sourceNameOrNull, err);
        if (crossSymbols.isEmpty()) return own;
        Map<String, Bars> cross = new TreeMap<>();
        Map<String, String> files = new TreeMap<>(own.files());
        for (String other : crossSymbols) {
            SourceInfo info = RawStore.forCross(ws, other, tf.seconds(), own.bars().firstTs(), own.bars().lastTs()).orElseThrow(() -> new UserInputException("the feature set reads " + other
                    + " bars (cross-asset features) and none are stored; import them: msb data import --in FILE --symbol " + other));
            cross.put(other, RawStore.load(ws, other, info.source()));
            files.put("cross/" + other + "/" + info.source() + ".bars", info.barsSha256());
        }
        return new SourceData(own.name(), own.bars(), own.fundingOrNull(), own.cohortsOrNull(), files, cross);
    }

    private static SourceData resolveOwn(Workspace ws, String symbol, String sourceNameOrNull, PrintStream err) {
        msb.core.Hashing.prepareInBackground(); // while the metadata is read
        Optional<SourceInfo> info;
        if (sourceNameOrNull != null) {
            if (sourceNameOrNull.equals(EmbeddedData.SOURCE_NAME)) return embedded(symbol, err);
            info = RawStore.source(ws, symbol, sourceNameOrNull);
            if (info.isEmpty()) {
                RawStore.load(ws, symbol, sourceNameOrNull); // throws naming the stored sources
                throw new UserInputException("--source " + sourceNameOrNull + ": no such source for " + symbol);
            }
        } else {
            info = RawStore.finest(ws, symbol);
            if (info.isEmpty()) return embedded(symbol, err);
            if (RawStore.sources(ws, symbol).size() > 1) {
                err.println("msb: using source " + info.get().source() + " (" + info.get().intervalLabel()
                        + ", the finest stored bars of " + symbol + "; --source NAME picks another)");
            }
        }
        SourceInfo s = info.get();
        Map<String, String> files = new TreeMap<>();
        files.put(s.source() + ".bars", s.barsSha256());
        if (s.inputSha256() != null && !s.inputSha256().isEmpty()) files.put(s.inputFile(), s.inputSha256());
        FundingSeries funding = RawStore.funding(ws, symbol).orElse(null);
        CohortSignals cohorts = RawStore.cohorts(ws, symbol).orElse(null);
        // the optional inputs' files too: whether they were used is in the manifest's absent_inputs
        if (funding != null) {
            FundingStore.sources(ws, symbol).stream().filter(fi -> fi.rows() == funding.size())
                    .forEach(fi -> files.put("funding/" + fi.inputFile(), fi.inputSha256()));
        }
        if (cohorts != null) {
            CohortStore.info(ws, symbol).ifPresent(ci -> files.put("cohorts/" + ci.inputFile(), ci.inputSha256()));
        }
        return new SourceData(s.source(), RawStore.load(ws, symbol, s.source()), funding, cohorts, files);
    }

    /** The embedded data are BTC trades: they never stand in for another symbol's market. */
    private static SourceData embedded(String symbol, PrintStream err) {
        if (!symbol.equals(EMBEDDED_SYMBOL)) {
            throw new UserInputException("nothing is stored for " + symbol + " and the embedded default data are "
                    + EMBEDDED_SYMBOL + " trades; import " + symbol + " bars first: msb data import --in FILE --symbol " + symbol);
        }
        err.println("msb: nothing imported for this symbol; using the embedded default data (" + EmbeddedData.description() + ")");
        return new SourceData(EmbeddedData.SOURCE_NAME, EmbeddedData.bitstamp5m(), null, null,
                Map.of(EmbeddedData.ARTIFACT + "!/" + EmbeddedData.RESOURCE, EmbeddedData.sha256()));
    }
}
