package org.smarttown.care.profile;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores the ordered contact list as JSON text: it is always read and replaced whole, so a child
 * table would only add joins (and lazy loading, which reactive sessions make awkward).
 */
@Converter
public class EmergencyContactsConverter implements AttributeConverter<List<EmergencyContact>, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<EmergencyContact>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<EmergencyContact> contacts) {
        try {
            return MAPPER.writeValueAsString(contacts == null ? List.of() : contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Contacts cannot be stored", e);
        }
    }

    @Override
    public List<EmergencyContact> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contacts cannot be read", e);
        }
    }
}
