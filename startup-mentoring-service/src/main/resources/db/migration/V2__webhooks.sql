-- Webhooks: the endpoints agencies register, and one delivery row per event and endpoint, written
-- in the same transaction as the event itself, so no delivery is lost across a restart.
create table webhook_endpoint (
    id         uuid          primary key,
    agency_id  varchar(50)   not null references agency (id),
    url        varchar(2000) not null,
    -- needed in clear to sign each delivery (HMAC); shown to the agency once, at registration
    secret     varchar(100)  not null,
    -- ",session.confirmed,session.cancelled,"; "," means every event
    events     varchar(500)  not null,
    active     boolean       not null,
    created_at timestamptz   not null
);
create index webhook_endpoint_agency on webhook_endpoint (agency_id) where active;

create table webhook_delivery (
    id              uuid         primary key,
    endpoint_id     uuid         not null references webhook_endpoint (id),
    agency_id       varchar(50)  not null,
    event_id        uuid         not null,
    event_type      varchar(50)  not null,
    payload         text         not null,
    status          varchar(20)  not null,
    attempts        integer      not null,
    next_attempt_at timestamptz  not null,
    last_status     integer,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at);

-- Every try, for the agency's delivery log.
create table webhook_attempt (
    id          uuid         primary key,
    delivery_id uuid         not null references webhook_delivery (id),
    attempt     integer      not null,
    at          timestamptz  not null,
    status_code integer,
    error       varchar(500),
    duration_ms integer      not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempt);
