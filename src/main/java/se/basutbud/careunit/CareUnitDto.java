package se.basutbud.careunit;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CareUnit", description = "A care unit (vårdenhet) of the HSA catalogue")
public record CareUnitDto(
        @Schema(examples = "SE2321000073-1234") String hsaId,
        @Schema(examples = "Hälsocentralen Kvarnholmen") String name,
        UnitType unitType,

        @Schema(description = "SE and the care provider's organisation number", examples = "SE2321000073")
        String careProvider,

        @Schema(description = "The administration (förvaltning)", examples = "Primärvårdsförvaltningen")
        String administration,

        @Schema(examples = "Kalmar") String municipality,
        @Schema(examples = "Storgatan 1, 392 32 Kalmar") String address,
        @Schema(examples = "0480-123 45") String phone,

        @Schema(examples = "https://www.1177.se/hitta-vard/kontaktkort/halsocentralen-kvarnholmen")
        String website,

        LocalDate openedOn,

        @Schema(description = "The first day the unit is closed")
        LocalDate closedOn) {

    /** The columns of {@code care_unit u} that {@link #read} reads, in its order, for the set-based reads. */
    public static final String COLUMNS = "u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration,"
            + " u.municipality, u.address, u.phone, u.website, u.opened_on, u.closed_on";

    /** The unit of the current row of a query that selects {@link #COLUMNS} first. */
    public static CareUnitDto read(java.sql.ResultSet rows) throws java.sql.SQLException {
        java.sql.Date opened = rows.getDate(10);
        java.sql.Date closed = rows.getDate(11);
        return new CareUnitDto(
                rows.getString(1),
                rows.getString(2),
                UnitType.valueOf(rows.getString(3)),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                opened == null ? null : opened.toLocalDate(),
                closed == null ? null : closed.toLocalDate());
    }

    static CareUnitDto of(CareUnit unit) {
        return new CareUnitDto(
                unit.hsaId,
                unit.name,
                unit.unitType,
                unit.careProvider,
                unit.administration,
                unit.municipality,
                unit.address,
                unit.phone,
                unit.website,
                unit.openedOn,
                unit.closedOn);
    }
}
