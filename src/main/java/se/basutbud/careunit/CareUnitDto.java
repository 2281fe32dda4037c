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
