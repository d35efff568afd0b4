package org.smarttown.resident.access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.resident.common.Caller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Writes the access log in the caller's transaction, so a change and its log line commit together.
 * Reads are logged too: the log answers "who looked at this person, and why".
 */
@ApplicationScoped
public class AccessLog {

    public static final String READ = "READ";
    public static final String SEARCH = "SEARCH";
    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DEACTIVATE = "DEACTIVATE";
    public static final String RRN_REVEAL = "RRN_REVEAL";
    public static final String MERGE = "MERGE";
    public static final String HOUSEHOLD = "HOUSEHOLD";
    /** Registration numbers re-encrypted under the active key (decrypted in memory, never shown). */
    public static final String RRN_REKEY = "RRN_REKEY";

    private final ObjectMapper mapper;

    public AccessLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> record(Caller caller, String action, UUID residentId, String purpose) {
        return record(caller, action, residentId, purpose, null);
    }

    /** Adds a line; call inside a transaction. */
    public Uni<Void> record(Caller caller, String action, UUID residentId, String purpose, String changes) {
        return entry(caller, action, residentId, purpose, changes).persist().replaceWithVoid();
    }

    /** Adds many lines at once (an import batch); call inside a transaction. */
    public Uni<Void> recordAll(List<AccessLogEntry> entries) {
        return entries.isEmpty() ? Uni.createFrom().voidItem() : AccessLogEntry.persist(entries);
    }

    /** A line not yet stored, for {@link #recordAll}. */
    public AccessLogEntry entry(Caller caller, String action, UUID residentId, String purpose, String changes) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.actor = caller.name();
        entry.action = action;
        entry.residentId = residentId;
        entry.purpose = purpose;
        entry.changes = changes;
        return entry;
    }

    /**
     * The fields that differ between two views of a record, as {"field": {"old": .., "new": ..}};
     * bookkeeping fields (version, updatedAt, updatedBy) are left out. Views never hold an RRN in
     * clear, so neither does this.
     */
    public String changes(Object before, Object after) {
        JsonNode old = mapper.valueToTree(before);
        JsonNode now = mapper.valueToTree(after);
        ObjectNode diff = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("version") || name.equals("updatedAt") || name.equals("updatedBy")
                    || name.equals("statusHistory")) {
                continue;
            }
            JsonNode was = old.get(name);
            if (was == null || !was.equals(field.getValue())) {
                ObjectNode change = diff.putObject(name);
                change.set("old", was);
                change.set("new", field.getValue());
            }
        }
        return diff.toString();
    }
}
