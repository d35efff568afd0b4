package org.smarttown.resident.common;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Stores a small list a resident owns (contacts, consents) as JSON text in the resident's row.
 * Text rather than jsonb: the reactive driver would need a cast for every bind, and these lists are
 * never queried on their own.
 */
public abstract class JsonText<T> implements AttributeConverter<List<T>, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JavaType type;

    protected JsonText(Class<T> element) {
        this.type = MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    @Override
    public String convertToDatabaseColumn(List<T> value) {
        try {
            return MAPPER.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + type, e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : List.copyOf(MAPPER.<List<T>> readValue(text, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type, e);
        }
    }
}
