package msb.live;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import msb.core.Json;
import msb.decision.Arm;
import msb.trading.EngineEvent;
import msb.trading.Fill;
import msb.trading.RoundTrip;
import msb.trading.Side;

/**
 * Event payloads as the event log writes them: the engine's per-bar events written field by field (the
 * properties Jackson gives these records, in record order and snake_case), anything else through Jackson.
 * EventLogEnvelopeTest holds every hand-written type to Jackson's bytes, edge values included, so a field
 * added to one of these records fails it until it is added here.
 */
final class EventPayloads {
    private EventPayloads() {}

    static void write(JsonLineBuffer out, Object data) {
        switch (data) {
            case EngineEvent.Decision d -> out.raw(TS).num(d.ts()).raw(DIR).num(d.dir()).raw(ALPHA).num(d.alpha())
                    .raw(MODE).str(d.mode()).raw(ARM).str(label(d.arm())).raw(S_MODEL).num(d.sModel())
                    .raw(SIGNAL).num(d.signal()).raw(MOOD).num(d.mood()).raw(ACTION).str(d.action())
                    .raw(TARGET_USD).num(d.targetUsd()).raw(POSITION_QTY).num(d.positionQty())
                    .raw(EQUITY_USD).num(d.equityUsd()).raw('}');
            case EngineEvent.Order o -> out.raw(TS).num(o.ts()).raw(SIDE).str(label(o.side())).raw(QTY).num(o.qty())
                    .raw(REASON).str(o.reason()).raw('}');
            case Fill f -> out.raw(TS).num(f.ts()).raw(SIDE).str(label(f.side())).raw(QTY).num(f.qty())
                    .raw(REF_PRICE).num(f.refPrice()).raw(PRICE).num(f.price()).raw(FEE_USD).num(f.feeUsd())
                    .raw(REASON).str(f.reason()).raw('}');
            case RoundTrip r -> out.raw(RT_SIDE).str(r.side()).raw(ENTRY_TS).num(r.entryTs()).raw(EXIT_TS).num(r.exitTs())
                    .raw(MAX_QTY).num(r.maxQty()).raw(ENTRY_PRICE).num(r.entryPrice()).raw(EXIT_PRICE).num(r.exitPrice())
                    .raw(GROSS_PNL_USD).num(r.grossPnlUsd()).raw(FEES_USD).num(r.feesUsd())
                    .raw(FUNDING_USD).num(r.fundingUsd()).raw(PNL_USD).num(r.pnlUsd()).raw(PNL_BPS).num(r.pnlBps()).raw('}');
            case EngineEvent.GuardBlock g -> out.raw(TS).num(g.ts()).raw(GATE).str(g.gate()).raw(SIDE).str(label(g.side()))
                    .raw(DETAIL).str(g.detail()).raw('}');
            case EngineEvent.Reward r -> out.raw(TS).num(r.ts()).raw(ARM).str(label(r.arm())).raw(REWARD_BPS)
                    .num(r.rewardBps()).raw('}');
            case Alert a -> out.raw(BAR_TS).num(a.barTs()).raw(KIND).str(a.kind()).raw(MESSAGE).str(a.message()).raw('}');
            case null, default -> out.raw(general(data));
        }
    }

    /**
     * The payload exactly as it is written as a map value (a value declared as Object gets no polymorphic
     * type property, unlike a root value): serialised inside a one-entry map whose braces are cut off.
     */
    private static byte[] general(Object data) {
        String wrapped = Json.line(Collections.singletonMap("data", data));
        return wrapped.substring("{\"data\":".length(), wrapped.length() - 1).getBytes(StandardCharsets.UTF_8);
    }

    private static String label(Side s) { return s == null ? null : s.label(); }

    private static String label(Arm a) { return a == null ? null : a.label(); }

    private static byte[] first(String name) { return ("{\"" + name + "\":").getBytes(StandardCharsets.US_ASCII); }

    private static byte[] next(String name) { return (",\"" + name + "\":").getBytes(StandardCharsets.US_ASCII); }

    private static final byte[] TS = first("ts"), RT_SIDE = first("side"), BAR_TS = first("bar_ts");
    private static final byte[] DIR = next("dir"), ALPHA = next("alpha"), MODE = next("mode"), ARM = next("arm"),
            S_MODEL = next("s_model"), SIGNAL = next("signal"), MOOD = next("mood"), ACTION = next("action"),
            TARGET_USD = next("target_usd"), POSITION_QTY = next("position_qty"), EQUITY_USD = next("equity_usd"),
            SIDE = next("side"), QTY = next("qty"), REASON = next("reason"), REF_PRICE = next("ref_price"),
            PRICE = next("price"), FEE_USD = next("fee_usd"), ENTRY_TS = next("entry_ts"), EXIT_TS = next("exit_ts"),
            MAX_QTY = next("max_qty"), ENTRY_PRICE = next("entry_price"), EXIT_PRICE = next("exit_price"),
            GROSS_PNL_USD = next("gross_pnl_usd"), FEES_USD = next("fees_usd"), FUNDING_USD = next("funding_usd"),
            PNL_USD = next("pnl_usd"), PNL_BPS = next("pnl_bps"), GATE = next("gate"), DETAIL = next("detail"),
            REWARD_BPS = next("reward_bps"), KIND = next("kind"), MESSAGE = next("message");
}
