package org.smarttown.resident.resident;

import jakarta.persistence.Converter;

import org.smarttown.resident.common.JsonText;

/** JSON text columns of {@link Resident}. */
public final class Converters {

    private Converters() {
    }

    @Converter
    public static class Contacts extends JsonText<EmergencyContact> {
        public Contacts() {
            super(EmergencyContact.class);
        }
    }

    @Converter
    public static class Consents extends JsonText<ConsentState> {
        public Consents() {
            super(ConsentState.class);
        }
    }

    @Converter
    public static class Strings extends JsonText<String> {
        public Strings() {
            super(String.class);
        }
    }
}
