-- Screenings staff administer (PHQ-9, GDS-15, COGNITIVE), scored by the instrument version named
-- in each row (the instruments themselves are versioned data files, see instruments/).
create table screening (
    id                 uuid         primary key,
    resident_id        uuid         not null references care_profile (resident_id),
    instrument         varchar(20)  not null,
    instrument_version integer      not null,
    -- SCORED, or INCOMPLETE when too many items were left unanswered to score.
    status             varchar(12)  not null,
    -- What staff entered, as JSON: the item answers (null for unanswered), or COGNITIVE's inputs.
    answers            text         not null,
    answered           integer      not null,
    total              integer,
    band               varchar(30),
    follow_up          boolean      not null,
    -- Comma-separated (SELF_HARM_RISK, PRORATED, ...): few, fixed, always read whole.
    flags              varchar(200) not null default '',
    cutoff             integer,
    administered_by    varchar(100) not null,
    administered_at    timestamptz  not null,
    next_due_at        timestamptz  not null,
    alert_id           uuid,
    visit_id           uuid,
    note               varchar(1000)
);
create index screening_by_resident on screening (resident_id, instrument, administered_at desc);

-- Visits by care workers: planned by hand, from dispatched alerts and from screening follow-ups.
create table care_visit (
    id          uuid          primary key,
    resident_id uuid          not null,
    status      varchar(12)   not null,
    origin      varchar(12)   not null,
    -- The alert or screening a visit came from; one visit per source.
    source_id   uuid,
    purpose     varchar(200)  not null,
    assigned_to varchar(100),
    due_at      timestamptz   not null,
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null,
    -- Set when the scan found it past due and published VisitOverdue (once).
    overdue_at  timestamptz,
    closed_at   timestamptz,
    closed_by   varchar(100),
    outcome     varchar(20),
    notes       varchar(2000),
    version     integer       not null default 0
);
create index care_visit_planned_due on care_visit (due_at) where status = 'PLANNED';
create index care_visit_by_resident on care_visit (resident_id, due_at);
create unique index care_visit_one_per_source on care_visit (origin, source_id) where source_id is not null;
