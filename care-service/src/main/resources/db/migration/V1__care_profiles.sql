-- One care profile per resident who consented to care, made from resident-service's events.
create table care_profile (
    resident_id uuid         primary key,
    name        varchar(100) not null,
    birth_date  date         not null,
    dong        varchar(50)  not null,
    complex     varchar(100) not null,
    status      varchar(20)  not null,
    opened_at   timestamptz  not null,
    version     integer      not null default 0
);
