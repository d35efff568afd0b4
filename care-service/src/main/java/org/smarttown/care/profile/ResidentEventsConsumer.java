package org.smarttown.care.profile;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.smarttown.commons.messaging.IdempotentConsumer;
import org.smarttown.commons.outbox.EventEnvelope;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Keeps care profiles in step with resident-service, applying each event once. */
@ApplicationScoped
public class ResidentEventsConsumer {

    private final IdempotentConsumer consumer;
    private final CareProfileService profiles;
    private final ObjectMapper mapper;

    public ResidentEventsConsumer(IdempotentConsumer consumer, CareProfileService profiles, ObjectMapper mapper) {
        this.consumer = consumer;
        this.profiles = profiles;
        this.mapper = mapper;
    }

    @Incoming("residents")
    public Uni<Void> onResidentEvent(Message<Object> message) {
        return consumer.consume(message, "care-profile", this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        return switch (event.type()) {
            case ResidentRegistered.TYPE, ResidentRegistered.UPDATED ->
                profiles.registeredOrUpdated(read(event, ResidentRegistered.class));
            case ResidentDeactivated.TYPE -> profiles.deactivated(read(event, ResidentDeactivated.class));
            case ConsentChanged.TYPE -> profiles.consentChanged(read(event, ConsentChanged.class));
            // Other resident events are not ours; recording them as processed is harmless.
            default -> Uni.createFrom().voidItem();
        };
    }

    private <T> T read(EventEnvelope event, Class<T> type) {
        // An unreadable data block throws here, rolls back and ends in the dead-letter queue.
        return mapper.convertValue(event.data(), type);
    }
}
