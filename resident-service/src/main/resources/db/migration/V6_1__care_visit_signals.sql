-- Visits care-service reported overdue: a risk signal until care-service reports the visit closed.
-- (Numbered 6.1 so that it sorts before any V7 another change adds; Flyway runs out of order.)
create table care_overdue_visit (
    visit_id    uuid        primary key,
    resident_id uuid        not null,
    origin      varchar(20),
    due_at      timestamptz,
    overdue_at  timestamptz,
    closed_at   timestamptz
);
create index care_overdue_visit_open on care_overdue_visit (resident_id) where closed_at is null;
