-- CSV imports: one job row with progress and the row-by-row report; each imported resident keeps
-- the key of its row, so importing the same file again creates nothing new.
create table resident_import (
    id         uuid         primary key,
    file_hash  varchar(64)  not null,
    status     varchar(20)  not null,
    total      integer      not null,
    done       integer      not null default 0,
    imported   integer      not null default 0,
    skipped    integer      not null default 0,
    failed     integer      not null default 0,
    report     text         not null default '[]',
    created_at timestamptz  not null,
    created_by varchar(100) not null,
    finished_at timestamptz,
    version    integer      not null default 0
);
alter table resident add column import_key varchar(64);
create unique index resident_import_key on resident (import_key) where import_key is not null;
