package se.basutbud.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads every date of a request body by {@link IsoDate}'s rule: a JSON string {@code "YYYY-MM-DD"} in the
 * window, never a number (Jackson's default reads {@code 123} as an epoch day) or an array.
 */
@Singleton
class DateModule implements ObjectMapperCustomizer {

    /** After Quarkus's own customizer, whose JavaTimeModule would otherwise replace this deserializer. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.registerModule(
                new SimpleModule("basutbud-dates").addDeserializer(LocalDate.class, new Deserializer()));
    }

    private static final class Deserializer extends StdScalarDeserializer<LocalDate> {

        Deserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            return IsoDate.parse(text)
                    .orElseThrow(() -> context.weirdStringException(text, LocalDate.class, IsoDate.EXPECTED));
        }
    }
}
