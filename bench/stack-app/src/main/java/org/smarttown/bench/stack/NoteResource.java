package org.smarttown.bench.stack;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** One authenticated read (the bench's first request), and one validated write that sends an event. */
@Path("/notes")
public class NoteResource {

    public record NewNote(@NotBlank @Size(max = 200) String text) {
    }

    private final Emitter<String> events;

    public NoteResource(@Channel("events") Emitter<String> events) {
        this.events = events;
    }

    @GET
    @RolesAllowed("**")
    @WithSession
    public Uni<List<Note>> list() {
        return Note.listAll();
    }

    @POST
    @RolesAllowed("**")
    @WithTransaction
    public Uni<Note> add(@Valid NewNote request) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = request.text();
        return note.<Note> persist().invoke(saved -> events.send(saved.id.toString()));
    }
}
