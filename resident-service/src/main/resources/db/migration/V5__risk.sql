-- Needs analysis: the current score and level per resident (kept up to date on every change and
-- care event, so search and the map need no recomputation), and the care signals care-service reports.
alter table resident
    add column risk_score integer     not null default 0,
    add column risk_level varchar(10) not null default 'LOW';
create index resident_risk on resident (risk_score);

create table care_alert (
    alert_id    uuid        primary key,
    resident_id uuid        not null,
    kind        varchar(40),
    level       varchar(20) not null,
    raised_at   timestamptz,
    resolved_at timestamptz,
    false_alarm boolean     not null default false
);
create index care_alert_open on care_alert (resident_id) where resolved_at is null;

create table care_screening (
    resident_id  uuid        not null,
    instrument   varchar(40) not null,
    band         varchar(30) not null,
    total        integer,
    follow_up    boolean     not null default false,
    completed_at timestamptz not null,
    primary key (resident_id, instrument)
);
