-- Alerts staff act on, and every step taken on each.
create table alert (
    id              uuid         primary key,
    resident_id     uuid         not null,
    kind            varchar(20)  not null,
    level           varchar(10)  not null,
    status          varchar(15)  not null,
    device_serial   varchar(40),
    -- The latest explanation (JSON): rule, what was seen, against which bound, over which window.
    explanation     text         not null,
    occurrences     integer      not null default 1,
    raised_at       timestamptz  not null,
    last_seen_at    timestamptz  not null,
    updated_at      timestamptz  not null,
    -- When an unacknowledged CRITICAL alert escalates: stored, so a restart loses no deadline.
    escalate_at     timestamptz,
    escalated_at    timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by varchar(100),
    dispatched_at   timestamptz,
    dispatch_method varchar(20),
    closed_at       timestamptz,
    resolution      varchar(30),
    version         integer      not null default 0
);
-- One open alert per resident and kind: repeats group into it. The database enforces it.
create unique index alert_open_per_resident_kind on alert (resident_id, kind)
    where status in ('RAISED', 'ESCALATED', 'ACKNOWLEDGED', 'DISPATCHED');
create index alert_escalation_due on alert (escalate_at) where escalate_at is not null;
create index alert_by_time on alert (raised_at desc);
create index alert_by_resident on alert (resident_id, raised_at desc);

create table alert_step (
    id       bigserial     primary key,
    alert_id uuid          not null references alert (id),
    action   varchar(20)   not null,
    status   varchar(15)   not null,
    actor    varchar(100)  not null,
    at       timestamptz   not null,
    note     varchar(1000)
);
create index alert_step_by_alert on alert_step (alert_id, id);
