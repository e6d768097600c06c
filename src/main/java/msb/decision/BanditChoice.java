package msb.decision;

import java.util.List;

/**
 * The bandit's pick on one bar: the arm (null when none was eligible), its direction and alpha, the
 * eligible arms and whether the pick was an epsilon exploration.
 */
public record BanditChoice(Arm arm, int dir, double alpha, List<Arm> eligible, boolean explored) {
    public BanditChoice {
        eligible = List.copyOf(eligible);
        if (arm == null && dir != 0) throw new IllegalArgumentException("no arm, no direction");
    }

    public String mode() { return arm == null ? "no_eligible_arm" : "bandit_" + arm.label(); }
}
