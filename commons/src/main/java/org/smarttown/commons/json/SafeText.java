package org.smarttown.commons.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every text field a service reads from JSON refuses characters that have no place in our data
 * and that other systems mishandle: an unpaired UTF-16 surrogate (valid as a JSON escape, but not
 * Unicode: PostgreSQL would get it as '?'), control characters other than tab and line breaks,
 * and the bidirectional embedding, override and isolate controls that make text display other
 * than it reads ("Trojan Source"). The request is then a 400 naming the field, nothing stored.
 * Joiners (needed by emoji and some scripts) and directional marks stay allowed.
 */
@Singleton
public class SafeText implements ObjectMapperCustomizer {

    /** What a refused value is; the problem mapper words its answer from it. */
    public static final class UnsafeTextException extends InvalidFormatException {

        UnsafeTextException(JsonParser parser, String value, String reason) {
            super(parser, reason, value, String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("smarttown-safe-text").addDeserializer(String.class, new Deserializer()));
    }

    /** Why the text cannot be taken, or null when it can. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (not valid Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (not valid Unicode)";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
            if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return String.format("contains the invisible direction control U+%04X", (int) c);
            }
        }
        return null;
    }

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : problemWith(value);
            if (problem != null) {
                throw new UnsafeTextException(parser, value, problem);
            }
            return value;
        }
    }
}
