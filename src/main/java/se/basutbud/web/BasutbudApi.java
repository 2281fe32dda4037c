package se.basutbud.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The API as a whole, for its contract: title, version and licence (the SPDX identifier of LICENSE, which
 * OpenAPI 3.1 tools such as openapi-generator require and Quarkus's settings cannot give). Declares no
 * resources of its own, so every resource of the service is part of it.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "basutbud e-service catalogue",
                        version = "1.0.0",
                        description =
                                "Which care units offer which 1177 e-services, what the annual basutbud requires of them, "
                                        + "and how well each unit complies.",
                        contact = @Contact(name = "The basutbud team", email = "basutbud@region.example.se"),
                        license = @License(name = "Apache License 2.0", identifier = "Apache-2.0")))
public class BasutbudApi extends Application {}
