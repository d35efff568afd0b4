-- Mentoring: agencies, their mentors and session types, and the sessions founders book.

-- btree_gist lets one exclusion constraint combine "same mentor" (=) with "overlapping time" (&&).
-- It is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
create extension if not exists btree_gist;

-- id is the agency_id claim of the agency's partner tokens, so it is chosen by admin, not generated.
create table agency (
    id         varchar(50)  primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null,
    created_by varchar(200) not null
);

create table mentor (
    id            uuid         primary key,
    agency_id     varchar(50)  not null references agency (id),
    name          varchar(200) not null,
    email         varchar(200),
    bio           varchar(4000),
    -- ",ai,fintech,": an expertise filter is a LIKE on ",tag,"
    expertise     varchar(2000) not null,
    languages     varchar(500)  not null,
    -- weekly hours, date overrides and holidays as JSON text; read whole, never queried
    availability  text          not null,
    active        boolean       not null,
    created_at    timestamptz   not null,
    version       integer       not null
);
create index mentor_agency on mentor (agency_id);

create table session_type (
    id                          uuid         primary key,
    agency_id                   varchar(50)  not null references agency (id),
    kind                        varchar(30)  not null,
    name                        varchar(200) not null,
    duration_minutes            integer      not null,
    buffer_before_minutes       integer      not null,
    buffer_after_minutes        integer      not null,
    min_booking_notice_minutes  integer      not null,
    min_change_notice_minutes   integer      not null,
    max_per_day_per_mentor      integer,
    max_per_week_per_mentor     integer,
    max_per_day_per_founder     integer,
    max_per_week_per_founder    integer,
    requires_confirmation       boolean      not null,
    seats                       integer      not null,
    active                      boolean      not null,
    created_at                  timestamptz  not null,
    version                     integer      not null
);
create index session_type_agency on session_type (agency_id);

-- One row per occupied stretch of a mentor's time; a group session has one row and many attendees.
create table mentoring_session (
    id              uuid         primary key,
    agency_id       varchar(50)  not null references agency (id),
    mentor_id       uuid         not null references mentor (id),
    session_type_id uuid         not null references session_type (id),
    start_at        timestamptz  not null,
    end_at          timestamptz  not null,
    -- start and end widened by the session type's buffers at booking time
    blocked_from    timestamptz  not null,
    blocked_to      timestamptz  not null,
    status          varchar(30)  not null,
    seats           integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         integer      not null,
    -- The database's own guarantee that a mentor is never double-booked, whatever the code does.
    constraint mentor_not_double_booked exclude using gist (
        mentor_id with =, tstzrange(blocked_from, blocked_to, '[)') with &&)
        where (status in ('REQUESTED', 'CONFIRMED'))
);
create index mentoring_session_agency on mentoring_session (agency_id, start_at);

create table attendance (
    id          uuid         primary key,
    session_id  uuid         not null references mentoring_session (id),
    founder     varchar(200) not null,
    status      varchar(30)  not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    rating      integer,
    rating_comment varchar(2000)
);
create index attendance_founder on attendance (founder, created_at);
-- a founder holds at most one live place in a session
create unique index attendance_once on attendance (session_id, founder) where status in ('SEATED', 'WAITLISTED');

-- Every change of a session: who (and as what) changed it, and why.
create table session_change (
    id          uuid         primary key,
    session_id  uuid         not null references mentoring_session (id),
    from_status varchar(30),
    to_status   varchar(30)  not null,
    actor       varchar(200) not null,
    actor_kind  varchar(20)  not null,
    reason      varchar(1000),
    at          timestamptz  not null
);
create index session_change_session on session_change (session_id, at);
