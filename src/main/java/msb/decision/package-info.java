/**
 * Pure decision logic (SPEC section 7): the gate ({@link msb.decision.DecisionGate#decide}, pinned by
 * {@code shared/vectors/decision_gate.jsonl}) and the Thompson-sampling bandit over pros, amateurs,
 * model_meta and model_bma ({@link msb.decision.ThompsonBandit}), whose randomness is derived from seed and
 * bar time so that a resumed run draws what an uninterrupted one would.
 */
package msb.decision;
