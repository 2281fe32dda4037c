package se.basutbud.offering;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.web.TextInput;

@Schema(name = "OfferingWrite", description = "Start offering an e-service, or update the link of an ongoing offering")
public record OfferingRequest(
        @Schema(
                description = "Where residents start the e-service",
                maxLength = 500,
                format = "uri",
                examples = "https://e-tjanster.1177.se/mvk/login/login.xhtml")
        @Size(max = 500)
        @Pattern(regexp = TextInput.WEB_URL, message = TextInput.WEB_URL_MESSAGE)
        String url,

        @Schema(description = "First day offered; defaults to today")
        LocalDate since) {}
