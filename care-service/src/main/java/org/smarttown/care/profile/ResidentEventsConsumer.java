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
        if (ResidentRegistered.TYPE.equals(event.type())) {
            return profiles.open(mapper.convertValue(event.data(), ResidentRegistered.class));
        }
        // Other resident events are not ours yet; recording them as processed is harmless.
        return Uni.createFrom().voidItem();
    }
}
