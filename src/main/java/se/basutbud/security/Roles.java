package se.basutbud.security;

/** The roles a token's {@code groups} claim can give. */
public final class Roles {

    /** Reads care units, offerings, exemptions and every compliance report. */
    public static final String READER = "reader";
    /** Also writes care units, offerings and exemptions of the organisations in the token's {@code org} claim. */
    public static final String UNIT_EDITOR = "unit-editor";
    /** Everything, including the e-service catalogue and the basutbud revisions. */
    public static final String ADMIN = "basutbud-admin";

    private Roles() {}
}
