package org.smarttown.care.alert;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stored as JSON text: always read and written whole, never queried by part. */
@Converter
public class ExplanationConverter implements AttributeConverter<Explanation, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Explanation explanation) {
        try {
            return MAPPER.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Explanation convertToEntityAttribute(String json) {
        try {
            return json == null ? null : MAPPER.readValue(json, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
