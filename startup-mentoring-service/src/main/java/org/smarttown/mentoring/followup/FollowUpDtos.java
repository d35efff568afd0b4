package org.smarttown.mentoring.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class FollowUpDtos {

    private FollowUpDtos() {
    }

    @Schema(example = "{\"text\":\"Focus the deck on retention numbers\",\"sharedWithFounder\":true}")
    public record NoteRequest(@NotBlank @Size(max = 4000) String text, boolean sharedWithFounder) {
    }

    @Schema(example = "{\"title\":\"Send the revised pitch deck\",\"dueDate\":\"2026-12-14\"}")
    public record ActionRequest(@NotBlank @Size(max = 500) String title, LocalDate dueDate) {
    }

    public record NoteView(UUID id, String author, String text, boolean sharedWithFounder, OffsetDateTime createdAt) {
        static NoteView of(SessionNote note) {
            return new NoteView(note.id, note.author, note.text, note.shared, note.createdAt);
        }
    }

    public record ActionView(UUID id, String title, LocalDate dueDate, boolean done, OffsetDateTime updatedAt) {
        static ActionView of(FollowUpAction action) {
            return new ActionView(action.id, action.title, action.dueDate, action.done, action.updatedAt);
        }
    }

    /** A founder's view holds only shared notes. */
    public record FollowUpView(UUID sessionId, List<NoteView> notes, List<ActionView> actions) {
    }
}
