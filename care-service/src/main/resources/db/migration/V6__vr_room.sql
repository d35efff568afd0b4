-- The VR exercise room: a catalogue of programmes, sessions in the room, and who is enrolled in each.
-- btree_gist lets one exclusion constraint combine "same resident" (=) with "overlapping time" (&&).
create extension if not exists btree_gist;

-- Care-relevant conditions staff record for a resident (VR suitability and contraindications);
-- erased with the rest of the profile when consent is withdrawn.
alter table care_profile add column conditions text not null default '[]';

create table vr_programme (
    id                uuid          primary key,
    code              varchar(40)   not null unique,
    name              varchar(100)  not null,
    kind              varchar(20)   not null,
    duration_minutes  integer       not null check (duration_minutes between 5 and 180),
    intensity         varchar(10)   not null,
    suits             text          not null default '[]',
    contraindications text          not null default '[]',
    description       varchar(1000),
    created_at        timestamptz   not null
);

create table vr_session (
    id           uuid         primary key,
    programme_id uuid         not null references vr_programme (id),
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    capacity     integer      not null,
    -- Kept by the enrolments in their own transactions; the check makes overbooking impossible
    -- whatever the code does.
    enrolled     integer      not null default 0,
    staff        varchar(100) not null,
    room         varchar(40)  not null,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    version      integer      not null default 0,
    constraint vr_session_ends_after_start check (ends_at > starts_at),
    constraint vr_session_capacity check (capacity between 1 and 100),
    constraint vr_session_not_overbooked check (enrolled between 0 and capacity)
);
create index vr_session_by_time on vr_session (starts_at);

create table vr_enrolment (
    id                    uuid         primary key,
    session_id            uuid         not null references vr_session (id),
    resident_id           uuid         not null references care_profile (resident_id),
    -- The session's time, copied so that the database itself refuses overlapping enrolments.
    starts_at             timestamptz  not null,
    ends_at               timestamptz  not null,
    enrolled_by           varchar(100) not null,
    enrolled_at           timestamptz  not null,
    override_by           varchar(100),
    override_reason       varchar(500),
    overridden_conditions varchar(500),
    attendance            varchar(10),
    minutes_done          integer,
    completed             boolean,
    score                 integer,
    recorded_by           varchar(100),
    recorded_at           timestamptz,
    version               integer      not null default 0,
    constraint vr_enrolment_no_overlap exclude using gist (resident_id with =, tstzrange(starts_at, ends_at) with &&)
);
create index vr_enrolment_by_session on vr_enrolment (session_id);
create index vr_enrolment_by_resident on vr_enrolment (resident_id, starts_at desc);

-- The room's catalogue at opening; supervisors add more through the API.
insert into vr_programme (id, code, name, kind, duration_minutes, intensity, suits, contraindications, description, created_at)
values
    ('5f0c8a1e-0001-4c3b-9a51-0d6f3e2b1a01', 'MEMORY-GARDEN', '기억의 정원 (memory garden)', 'COGNITIVE_TRAINING', 30, 'LOW',
     '["DEMENTIA_RISK","MILD_COGNITIVE_IMPAIRMENT"]', '["EPILEPSY"]',
     'Recall and attention games in a virtual garden, for dementia prevention.', now()),
    ('5f0c8a1e-0002-4c3b-9a51-0d6f3e2b1a02', 'VILLAGE-WALK', '동네 한 바퀴 (village walk)', 'EXERCISE', 25, 'MODERATE',
     '["HYPERTENSION","DIABETES","ARTHRITIS","DEMENTIA_RISK"]', '["EPILEPSY","VERTIGO","RECENT_FALL","HEART_DISEASE","PACEMAKER"]',
     'Walking in place and arm movements along a familiar street; balance practice.', now()),
    ('5f0c8a1e-0003-4c3b-9a51-0d6f3e2b1a03', 'CALM-SEA', '고요한 바다 (calm sea)', 'RELAXATION', 20, 'LOW',
     '["DEPRESSION","CHRONIC_PAIN"]', '["EPILEPSY","MOTION_SICKNESS"]',
     'Guided breathing by the sea, for depression care.', now());
