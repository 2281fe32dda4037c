package se.basutbud.goals;

/** Where a goal stands; see {@link GoalRules#status}. */
public enum GoalStatus {
    MET,
    MISSED,
    ON_TRACK,
    AT_RISK
}
