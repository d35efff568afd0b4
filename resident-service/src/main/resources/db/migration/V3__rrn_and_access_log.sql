-- Registration numbers: only ciphertext (AES-GCM, naming its key), a keyed hash for duplicates and
-- the masked form are stored; never the number itself.
alter table resident
    add column rrn_cipher varchar(200),
    add column rrn_key_id varchar(40),
    add column rrn_hash   varchar(64),
    add column rrn_masked varchar(14);
create unique index resident_rrn_hash on resident (rrn_hash) where rrn_hash is not null;

-- Who read or changed which resident, when and why. Append-only: the trigger refuses UPDATE and
-- DELETE (and TRUNCATE) for every role, including the service's own, so even a bug or a
-- compromised service cannot rewrite history.
create table access_log (
    id          uuid         primary key,
    at          timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(30)  not null,
    resident_id uuid,
    purpose     varchar(500),
    changes     text
);
create index access_log_resident on access_log (resident_id, at);
create index access_log_actor on access_log (actor, at);

create function access_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_log is append-only: % is not allowed', tg_op;
end;
$$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_is_append_only();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_is_append_only();
