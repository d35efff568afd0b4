package org.smarttown.resident.rrn;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.rrn.RrnKeyService.KeyStatus;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Key rotation for registration numbers, for admins: which keys protect how many numbers, and
 * re-encryption under the active key. An endpoint rather than a start-up job, so the admin starts
 * it only once every replica runs with the new key (a replica without it could not read what is
 * re-encrypted), watches it, and sees zero left before retiring the old key.
 */
@Path("/api/residents/rrn-keys")
@Tag(name = "RRN keys", description = "Key rotation for registration numbers (admin)")
public class RrnKeyResource {

    private final RrnKeyService service;
    private final SecurityIdentity identity;

    public RrnKeyResource(RrnKeyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "The active key id and how many stored registration numbers each key id protects")
    public Uni<KeyStatus> status() {
        return service.status();
    }

    @POST
    @Path("re-encrypt")
    @RolesAllowed("admin")
    @Operation(summary = "Re-encrypt up to `limit` registration numbers under the active key",
            description = "Batches of 100, each committed: call again until `remaining` is 0. Idempotent and resumable; "
                    + "logged in the access log (no number is shown).")
    public Uni<KeyStatus> reencrypt(@RestQuery @DefaultValue("1000") @Min(1) @Max(RrnKeyService.MAX_LIMIT) int limit) {
        return service.reencrypt(limit, Caller.of(identity));
    }
}
