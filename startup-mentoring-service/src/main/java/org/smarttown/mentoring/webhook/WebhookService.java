package org.smarttown.mentoring.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.mentoring.catalog.Mentor;
import org.smarttown.mentoring.webhook.WebhookDtos.AttemptView;
import org.smarttown.mentoring.webhook.WebhookDtos.DeliveryView;
import org.smarttown.mentoring.webhook.WebhookDtos.EndpointRequest;
import org.smarttown.mentoring.webhook.WebhookDtos.EndpointView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Agencies' webhook endpoints, the deliveries queued for them, and the delivery log. */
@ApplicationScoped
public class WebhookService {

    /** Our event types and the names webhooks use for them. */
    public static final Map<String, String> NAMES = Map.of(
            "SessionRequested", "session.requested",
            "SessionConfirmed", "session.confirmed",
            "SessionDeclined", "session.declined",
            "SessionCancelled", "session.cancelled",
            "SessionRescheduled", "session.rescheduled",
            "SessionCompleted", "session.completed",
            "SessionNoShow", "session.no_show");

    /** How every signing secret begins, so agencies (and secret scanners) recognise one. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final Set<String> KNOWN = Set.copyOf(NAMES.values());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper mapper;
    private final WebhookSecretProtector protector;

    public WebhookService(ObjectMapper mapper, WebhookSecretProtector protector) {
        this.mapper = mapper;
        this.protector = protector;
    }

    public Uni<EndpointView> register(String agencyId, EndpointRequest request) {
        URI uri = checkUrl(request.url());
        List<String> events = request.events() == null ? List.of() : request.events().stream().distinct().toList();
        for (String event : events) {
            if (!KNOWN.contains(event)) {
                throw new Invalid("events", "unknown event " + event + "; known: " + KNOWN);
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.agencyId = agencyId;
        endpoint.url = uri.toString();
        String clear = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        endpoint.secret = protector.seal(clear, endpoint.id);
        endpoint.events = Mentor.encodeTags(events);
        endpoint.active = true;
        endpoint.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        // Without the secret: this answer is what an Idempotency-Key stores for a retry, and the secret
        // is never stored in clear. withSecret adds it to the answer that leaves the service.
        return Panache.withTransaction(() -> endpoint.persist()).map(ignored -> view(endpoint, null));
    }

    /**
     * The registration answer with the endpoint's signing secret, opened from its encrypted column:
     * for the first answer and for a retry with the same Idempotency-Key alike (the agency may have
     * lost the first). Listing endpoints never shows it.
     */
    public Uni<EndpointView> withSecret(String agencyId, EndpointView registered) {
        return Panache.withSession(() -> ownEndpoint(agencyId, registered.id()))
                .map(endpoint -> view(endpoint, protector.open(endpoint.secret, endpoint.id)));
    }

    private static URI checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null) {
                throw new Invalid("url", "must be an absolute http or https URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new Invalid("url", "must be an absolute http or https URL");
        }
    }

    public Uni<Page<EndpointView>> endpoints(String agencyId, PageRequest page) {
        return Panache.withSession(() -> Page.of(WebhookEndpoint.<WebhookEndpoint> find("agencyId = ?1 and active = true",
                Sort.by("createdAt").and("id"), agencyId), page, e -> view(e, null)));
    }

    public Uni<Void> deactivate(String agencyId, UUID id) {
        return Panache.withTransaction(() -> ownEndpoint(agencyId, id).invoke(endpoint -> endpoint.active = false))
                .replaceWithVoid();
    }

    public Uni<Page<DeliveryView>> deliveries(String agencyId, UUID endpointId, PageRequest page) {
        return Panache.withSession(() -> ownEndpoint(agencyId, endpointId)
                .chain(endpoint -> Page.of(WebhookDelivery.<WebhookDelivery> find("endpointId",
                        Sort.by("createdAt", Sort.Direction.Descending).and("id"), endpointId), page, d -> d))
                .chain(deliveries -> WebhookAttempt.<WebhookAttempt> find("deliveryId in ?1",
                        Sort.by("attempt"), deliveries.items().stream().map(d -> d.id).toList()).list()
                        .map(attempts -> new Page<>(deliveries.items().stream().map(d -> view(d, attempts)).toList(),
                                deliveries.page(), deliveries.size(), deliveries.totalItems(), deliveries.totalPages()))));
    }

    /** Sends a delivery again at once, whatever became of it, keeping its log; not to a removed endpoint. */
    public Uni<DeliveryView> redeliver(String agencyId, UUID deliveryId) {
        return Panache.withTransaction(() -> WebhookDelivery.<WebhookDelivery> findById(deliveryId)
                .chain(delivery -> delivery == null ? Uni.createFrom().nullItem()
                        : WebhookEndpoint.<WebhookEndpoint> findById(delivery.endpointId)
                                .map(endpoint -> endpoint != null && endpoint.active ? delivery : null))
                .chain(delivery -> {
                    if (delivery == null || !delivery.agencyId.equals(agencyId)) {
                        throw new NotFound("Delivery", deliveryId);
                    }
                    delivery.status = "PENDING";
                    delivery.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return WebhookAttempt.<WebhookAttempt> find("deliveryId", Sort.by("attempt"), deliveryId).list()
                            .map(attempts -> view(delivery, attempts));
                }));
    }

    /**
     * Queues the event for every active endpoint of the agency that wants it. Call it in the
     * transaction that writes the event, so both are stored or neither.
     */
    public Uni<Void> enqueue(String agencyId, UUID eventId, String eventType, OffsetDateTime occurredAt, Object data) {
        String name = NAMES.get(eventType);
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        String payload;
        try {
            payload = mapper.writeValueAsString(Map.of("id", eventId, "type", name, "createdAt", occurredAt, "data", data));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return WebhookEndpoint.<WebhookEndpoint> find("agencyId = ?1 and active = true", agencyId).list()
                .chain(endpoints -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (WebhookEndpoint endpoint : endpoints) {
                        if (!",".equals(endpoint.events) && !endpoint.events.contains("," + name + ",")) {
                            continue;
                        }
                        WebhookDelivery delivery = new WebhookDelivery();
                        delivery.id = UUID.randomUUID();
                        delivery.endpointId = endpoint.id;
                        delivery.agencyId = agencyId;
                        delivery.eventId = eventId;
                        delivery.eventType = name;
                        delivery.payload = payload;
                        delivery.status = "PENDING";
                        delivery.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                        delivery.nextAttemptAt = delivery.createdAt;
                        all = all.chain(() -> delivery.persist()).replaceWithVoid();
                    }
                    return all;
                });
    }

    private Uni<WebhookEndpoint> ownEndpoint(String agencyId, UUID id) {
        return WebhookEndpoint.<WebhookEndpoint> findById(id).map(endpoint -> {
            if (endpoint == null || !endpoint.agencyId.equals(agencyId) || !endpoint.active) {
                throw new NotFound("Webhook", id);
            }
            return endpoint;
        });
    }

    private static EndpointView view(WebhookEndpoint endpoint, String clearSecret) {
        return new EndpointView(endpoint.id, endpoint.url, Mentor.decodeTags(endpoint.events), endpoint.active,
                clearSecret, endpoint.createdAt);
    }

    private static DeliveryView view(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new DeliveryView(d.id, d.endpointId, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt,
                d.deliveredAt, attempts.stream().filter(a -> a.deliveryId.equals(d.id))
                        .map(a -> new AttemptView(a.attempt, a.at, a.statusCode, a.error, a.durationMs)).toList());
    }
}
