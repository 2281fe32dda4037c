package se.basutbud.compliance;

public enum ComplianceStatus {
    /** Offers every required e-service (or nothing is required). */
    COMPLIANT,
    /** Offers some required e-services. */
    PARTIAL,
    /** Offers none of the required e-services. */
    NON_COMPLIANT;

    static ComplianceStatus of(double score) {
        return score >= 1.0 ? COMPLIANT : score <= 0.0 ? NON_COMPLIANT : PARTIAL;
    }
}
