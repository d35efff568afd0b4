-- Follow-up of a session: the mentor's notes (shared with the founder only when marked so) and
-- actions agreed for the founder.
create table session_note (
    id          uuid          primary key,
    session_id  uuid          not null references mentoring_session (id),
    author      varchar(200)  not null,
    text        varchar(4000) not null,
    shared      boolean       not null,
    created_at  timestamptz   not null
);
create index session_note_session on session_note (session_id, created_at);

create table follow_up_action (
    id          uuid          primary key,
    session_id  uuid          not null references mentoring_session (id),
    title       varchar(500)  not null,
    due_date    date,
    done        boolean       not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index follow_up_action_session on follow_up_action (session_id, created_at);
