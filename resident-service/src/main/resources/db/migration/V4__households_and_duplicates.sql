-- Households: membership is effective-dated (valid_to null = current), so history is kept.
create table household (
    id         uuid         primary key,
    name       varchar(100),
    created_at timestamptz  not null,
    created_by varchar(100) not null,
    version    integer      not null default 0
);
create table household_member (
    id                uuid    primary key,
    household_id      uuid    not null references household (id),
    resident_id       uuid    not null references resident (id),
    head              boolean not null default false,
    primary_recipient boolean not null default false,
    valid_from        date    not null,
    valid_to          date,
    check (valid_to is null or valid_to >= valid_from)
);
create index household_member_household on household_member (household_id);
create index household_member_resident on household_member (resident_id);

-- Suspected duplicates found at registration, for staff to resolve.
alter table resident
    add column phone_digits varchar(20),
    add column merged_into  uuid references resident (id);
update resident set phone_digits = regexp_replace(phone, '[^0-9]', '', 'g') where phone is not null;
create index resident_phone_digits on resident (phone_digits);
create index resident_name_birth on resident (lower(name), birth_date);

create table duplicate_suspect (
    id          uuid         primary key,
    resident_id uuid         not null references resident (id),
    other_id    uuid         not null references resident (id),
    reason      varchar(30)  not null,
    status      varchar(20)  not null,
    created_at  timestamptz  not null,
    resolution  varchar(20),
    kept_id     uuid,
    note        varchar(500),
    resolved_at timestamptz,
    resolved_by varchar(100),
    version     integer      not null default 0
);
create index duplicate_suspect_status on duplicate_suspect (status, created_at);
