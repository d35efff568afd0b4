-- Answers to writes sent with an Idempotency-Key, so a retried request gets the first answer
-- instead of doing the work twice. Kept for a day (smarttown.idempotency.retention).
create table idempotency_key (
    scope        varchar(100) not null,
    actor        varchar(200) not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    location     varchar(500),
    body         text,
    created_at   timestamptz  not null default now(),
    primary key (scope, actor, key)
);
create index idempotency_key_created on idempotency_key (created_at);
