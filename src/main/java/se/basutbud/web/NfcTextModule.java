package se.basutbud.web;

import java.io.IOException;
import java.text.Normalizer;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads every text of a request body in Unicode NFC, the form PostgreSQL compares and sorts: otherwise
 * "Växjö" typed with combining diaeresis (NFD, as macOS and some HSA exports write it) would be another
 * municipality than "Växjö", and a unit name could look like another's.
 */
@Singleton
class NfcTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.registerModule(
                new SimpleModule("basutbud-nfc-text").addDeserializer(String.class, new Deserializer()));
    }

    static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return nfc(StringDeserializer.instance.deserialize(parser, context));
        }
    }
}
