package se.basutbud.goals;

/** What a goal measures, always a share in 0..1. */
public enum GoalMetric {
    /** Of the scope's units not exempted from the e-service, the share that offer it. */
    SERVICE_COVERAGE,
    /** Of the residents listed at those units (with a figure), the share listed at units that offer it. */
    RESIDENT_COVERAGE,
    /** The share of the scope's units fully compliant with the revision in force on each date. */
    COMPLIANT_SHARE,
    /** The average compliance score of the scope's units under the revision in force on each date. */
    AVERAGE_SCORE;

    boolean followsAService() {
        return this == SERVICE_COVERAGE || this == RESIDENT_COVERAGE;
    }
}
