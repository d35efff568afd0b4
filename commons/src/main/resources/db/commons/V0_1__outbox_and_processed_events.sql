-- Shared by every service through commons; services number their own migrations from V1.

-- Events waiting to be published, written in the same transaction as the change they describe.
create table outbox_message (
    seq        bigserial    primary key,
    event_id   uuid         not null unique,
    address    varchar(200) not null,
    event_type varchar(100) not null,
    payload    jsonb        not null,
    created_at timestamptz  not null default now(),
    sent_at    timestamptz,
    attempts   integer      not null default 0,
    last_error varchar(500)
);
create index outbox_message_unsent on outbox_message (seq) where sent_at is null;

-- Events a consumer has applied, so that a redelivered event changes nothing.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
