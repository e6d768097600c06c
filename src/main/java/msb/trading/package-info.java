/**
 * The strategy loop and the paper book, shared by evaluate's replay and the live runner (only the feed and
 * the fill price differ).
 *
 * <pre>{@code
 * StrategyConfig cfg = StrategyConfig.defaults(tf);            // or StrategyConfig.load(file, tf)
 * TradingEngine engine = new TradingEngine(tf, cfg, event -> log.append(Json.line(event)));
 * for (Bar b : warmUpBars) engine.observe(b);                  // optional: fills the volatility window
 * engine.onBar(BarContext.replay(bar, probs, bmaProbsOrNull)    // replay: fills at the next bar's open
 *         .withCohort(sTop, sBot, mood)                         // optional; mood 0 when absent
 *         .withMarket(fundingPerHour, spreadBps));              // optional; NaN when unknown
 * EngineState s = engine.snapshot();                           // Json round-trips exactly
 * TradingEngine resumed = TradingEngine.restore(tf, cfg, s, listener);
 * }</pre>
 *
 * Live: {@code ctx.withLiveMid(mid).withReceivedAt(clockSec)} fills this bar's orders at once at the mid and
 * lets the stale-data guard see the delay; {@code ctx.shadow()} computes and logs everything, sends nothing.
 */
package msb.trading;
