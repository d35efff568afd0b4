package org.smarttown.care.alert;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Help sent: a visit by staff, or a 119 call (recorded; no telephony here). */
public record DispatchRequest(@NotNull Method method, @Size(max = 1000) String note) {

    public enum Method {
        VISIT, CALL_119
    }
}
