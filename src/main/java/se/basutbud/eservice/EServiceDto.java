package se.basutbud.eservice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EService", description = "An e-service of the 1177 catalogue")
public record EServiceDto(
        @Schema(description = "Stable key; never changes", examples = "fornya-recept")
        String code,

        @Schema(description = "Swedish display name", examples = "Förnya recept")
        String name,

        @Schema(description = "English name", examples = "Renew a prescription")
        String nameEn,

        @Schema(description = "What the service does") String description,
        EServiceStatus status) {

    static EServiceDto of(EService service) {
        return new EServiceDto(service.code, service.name, service.nameEn, service.description, service.status);
    }
}
