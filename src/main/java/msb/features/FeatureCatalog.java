package msb.features;

import java.util.List;
import msb.features.defs.DepthProxy;
import msb.features.defs.FlowDiff;
import msb.features.defs.FundingMomentum1h;
import msb.features.defs.FundingRate;
import msb.features.defs.GkVolatility;
import msb.features.defs.JumpMagnitude;
import msb.features.defs.Mom1;
import msb.features.defs.Mom3;
import msb.features.defs.MrEma20Z;
import msb.features.defs.PriceEfficiency;
import msb.features.defs.PriceVolumeCorr;
import msb.features.defs.RegimeHighVol;
import msb.features.defs.Rv1h;
import msb.features.defs.SBot;
import msb.features.defs.STop;
import msb.features.defs.VolumeIntensity;
import msb.features.defs.VwapMomentum;

/** The 17 features of SPEC section 3, in schema (column) order. */
public final class FeatureCatalog {
    private static final List<Feature> ALL = List.of(
            new Mom1(), new Mom3(), new MrEma20Z(), new Rv1h(), new RegimeHighVol(), new GkVolatility(),
            new JumpMagnitude(), new VolumeIntensity(), new PriceEfficiency(), new PriceVolumeCorr(),
            new VwapMomentum(), new DepthProxy(), new FundingRate(), new FundingMomentum1h(),
            new STop(), new SBot(), new FlowDiff());

    private FeatureCatalog() {}

    public static List<Feature> all() { return ALL; }

    public static Feature byName(String name) {
        for (Feature f : ALL) if (f.name().equals(name)) return f;
        throw new IllegalArgumentException("unknown feature '" + name + "'");
    }
}
