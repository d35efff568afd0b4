package org.smarttown.mentoring.followup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.problem.NotFound;
import org.smarttown.mentoring.booking.Attendance;
import org.smarttown.mentoring.booking.MentoringSession;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.followup.FollowUpDtos.ActionRequest;
import org.smarttown.mentoring.followup.FollowUpDtos.ActionView;
import org.smarttown.mentoring.followup.FollowUpDtos.FollowUpView;
import org.smarttown.mentoring.followup.FollowUpDtos.NoteRequest;
import org.smarttown.mentoring.followup.FollowUpDtos.NoteView;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Notes and follow-up actions of a session: written by its agency, read by its founders. */
@ApplicationScoped
public class FollowUpService {

    public Uni<NoteView> addNote(Caller agency, UUID sessionId, NoteRequest request) {
        return Panache.withTransaction(() -> agencySession(agency.agency(), sessionId).chain(session -> {
            SessionNote note = new SessionNote();
            note.id = UUID.randomUUID();
            note.sessionId = sessionId;
            note.author = agency.actor();
            note.text = request.text();
            note.shared = request.sharedWithFounder();
            note.createdAt = now();
            return note.persist().replaceWith(NoteView.of(note));
        }));
    }

    public Uni<ActionView> addAction(Caller agency, UUID sessionId, ActionRequest request) {
        return Panache.withTransaction(() -> agencySession(agency.agency(), sessionId).chain(session -> {
            FollowUpAction action = new FollowUpAction();
            action.id = UUID.randomUUID();
            action.sessionId = sessionId;
            action.title = request.title();
            action.dueDate = request.dueDate();
            action.createdAt = now();
            action.updatedAt = action.createdAt;
            return action.persist().replaceWith(ActionView.of(action));
        }));
    }

    public Uni<FollowUpView> forAgency(Caller agency, UUID sessionId) {
        return Panache.withSession(() -> agencySession(agency.agency(), sessionId).chain(session -> view(sessionId, false)));
    }

    public Uni<FollowUpView> forFounder(Caller founder, UUID sessionId) {
        return Panache.withSession(() -> founderPlace(founder, sessionId).chain(ignored -> view(sessionId, true)));
    }

    public Uni<ActionView> markDone(Caller founder, UUID sessionId, UUID actionId, boolean done) {
        return Panache.withTransaction(() -> founderPlace(founder, sessionId)
                .chain(ignored -> FollowUpAction.<FollowUpAction> findById(actionId))
                .map(action -> {
                    if (action == null || !action.sessionId.equals(sessionId)) {
                        throw new NotFound("Follow-up action", actionId);
                    }
                    action.done = done;
                    action.updatedAt = now();
                    return ActionView.of(action);
                }));
    }

    private Uni<FollowUpView> view(UUID sessionId, boolean sharedOnly) {
        String where = sharedOnly ? "sessionId = ?1 and shared = true" : "sessionId = ?1";
        return SessionNote.<SessionNote> find(where, Sort.by("createdAt").and("id"), sessionId).list()
                .chain(notes -> FollowUpAction.<FollowUpAction> find("sessionId", Sort.by("createdAt").and("id"), sessionId)
                        .list().map(actions -> new FollowUpView(sessionId, notes.stream().map(NoteView::of).toList(),
                                actions.stream().map(ActionView::of).toList())));
    }

    private Uni<MentoringSession> agencySession(String agencyId, UUID id) {
        return MentoringSession.<MentoringSession> findById(id).map(session -> {
            if (session == null || !session.agencyId.equals(agencyId)) {
                throw new NotFound("Session", id);
            }
            return session;
        });
    }

    private Uni<Attendance> founderPlace(Caller founder, UUID sessionId) {
        return Attendance.<Attendance> find("sessionId = ?1 and founder = ?2", sessionId, founder.name()).firstResult()
                .map(place -> {
                    if (place == null) {
                        throw new NotFound("Session", sessionId);
                    }
                    return place;
                });
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
