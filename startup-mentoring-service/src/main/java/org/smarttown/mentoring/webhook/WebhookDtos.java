package org.smarttown.mentoring.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What agencies send and receive about webhooks. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(example = "{\"url\":\"https://agency-a.example/hooks/smarttown\",\"events\":[\"session.requested\",\"session.cancelled\"]}")
    public record EndpointRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 10) List<@NotBlank String> events) {
    }

    /** {@code secret} is only present in the answer to the registration. */
    public record EndpointView(UUID id, String url, List<String> events, boolean active, String secret,
            OffsetDateTime createdAt) {
    }

    public record AttemptView(int attempt, OffsetDateTime at, Integer statusCode, String error, int durationMs) {
    }

    public record DeliveryView(UUID id, UUID endpointId, UUID eventId, String eventType, String status, int attempts,
            OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, List<AttemptView> log) {
    }
}
