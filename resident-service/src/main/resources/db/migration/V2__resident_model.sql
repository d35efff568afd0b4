-- The full resident model: location, categories, contacts, consents, care worker, 행복e음 reference.
-- Lists a resident owns (contacts, consents, category details) are JSON text: they are always read
-- and written with the resident, never queried on their own. Category codes are kept as
-- ",A,B," so that a category filter is a plain LIKE.
alter table resident
    add column lat                  double precision,
    add column lon                  double precision,
    add column category_codes       varchar(200) not null default ',',
    add column benefit_types        varchar(200) not null default ',',
    add column conditions           text         not null default '[]',
    add column emergency_contacts   text         not null default '[]',
    add column consents             text         not null default '[]',
    add column assigned_care_worker varchar(100),
    add column haengbokeum_id       varchar(40),
    add column updated_at           timestamptz,
    add column updated_by           varchar(100);

create index resident_name on resident (lower(name));
create index resident_care_worker on resident (assigned_care_worker);

create table resident_status_change (
    id          uuid         primary key,
    resident_id uuid         not null references resident (id),
    status      varchar(20)  not null,
    reason      varchar(500) not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(100) not null
);
create index resident_status_change_resident on resident_status_change (resident_id, changed_at);
