package se.basutbud.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

@Schema(name = "AuditEntry", description = "One successful write")
public record AuditEntryDto(
        long id,
        @Schema(description = "When it was committed") Instant at,

        @Schema(description = "The subject of the writer's token", examples = "anna.andersson")
        String actor,

        AuditLog.EntityType entityType,

        @Schema(
                description = "The entity's key: code, HSA-id, revision id, or HSA-id/code and id/code for the parts",
                examples = "SE2321000073-1234/fornya-recept")
        String key,

        AuditLog.Action action,

        @Schema(type = SchemaType.OBJECT, description = "The entity before; absent when created") @JsonRawValue
        String before,

        @Schema(type = SchemaType.OBJECT, description = "The entity after; absent when deleted") @JsonRawValue
        String after,

        @Schema(description = "The import job that made the change; absent for a change made through the API")
        Long importId) {

    static AuditEntryDto of(AuditEvent event) {
        return new AuditEntryDto(
                event.id,
                event.occurredAt,
                event.actor,
                event.entityType,
                event.entityKey,
                event.action,
                event.before,
                event.after,
                event.importId);
    }
}
