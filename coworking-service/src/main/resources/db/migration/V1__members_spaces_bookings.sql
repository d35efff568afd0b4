-- btree_gist lets one exclusion constraint combine "same space" (=) with "overlapping time" (&&).
-- It is a trusted extension (PostgreSQL 13+), so the database owner (role coworking) may create it.
create extension if not exists btree_gist;

create table team (
    id uuid primary key,
    name text not null,
    created_at timestamptz not null
);
create unique index team_name_unique on team (lower(name));

create table member (
    id uuid primary key,
    -- The identity provider's user name (preferred_username): how a founder's token finds the member.
    username text not null unique,
    name text not null,
    birth_date date not null,
    startup_name text not null,
    business_stage text not null,
    team_id uuid references team (id),
    status text not null,
    decision_reason text,
    decided_by text,
    decided_at timestamptz,
    cohort text,
    valid_from date,
    valid_until date,
    applied_at timestamptz not null,
    version int not null default 0
);
create index member_status on member (status, applied_at);
create index member_team on member (team_id);

create table space (
    id uuid primary key,
    code text not null unique,
    type text not null,
    name text not null,
    capacity int not null check (capacity > 0),
    -- ",PROJECTOR,WHITEBOARD,": an equipment filter is then a LIKE on ",CODE,".
    equipment text not null default ',',
    floor int not null,
    x int not null,
    y int not null,
    opens_at time not null,
    closes_at time not null check (closes_at > opens_at),
    -- Weekly closed days, same layout: ",SATURDAY,SUNDAY,".
    closed_weekdays text not null default ',',
    created_at timestamptz not null
);

create table space_closure (
    space_id uuid not null references space (id),
    day date not null,
    reason text not null,
    primary key (space_id, day)
);

-- The booking rules of each space type, as data: space managers change them at run time.
create table booking_policy (
    space_type text primary key,
    whole_day boolean not null,
    slot_minutes int not null check (slot_minutes > 0),
    min_minutes int not null check (min_minutes > 0),
    max_minutes int not null check (max_minutes >= min_minutes),
    max_days_ahead int not null check (max_days_ahead >= 0),
    min_lead_minutes int not null check (min_lead_minutes >= 0),
    max_active_bookings int not null check (max_active_bookings > 0),
    weekly_hours_per_founder int not null check (weekly_hours_per_founder > 0),
    weekly_hours_per_team int not null check (weekly_hours_per_team > 0),
    updated_by text,
    updated_at timestamptz
);
insert into booking_policy values
    ('DESK', true, 30, 30, 1440, 14, 0, 5, 60, 180, null, null),
    ('MEETING_ROOM', false, 30, 30, 240, 30, 30, 3, 10, 20, null, null),
    ('BOOTH', false, 30, 30, 120, 7, 0, 2, 6, 15, null, null);

create table booking (
    id uuid primary key,
    space_id uuid not null references space (id),
    member_id uuid not null references member (id),
    username text not null,
    -- The team when booked: team quotas count what the team booked, even if someone later leaves it.
    team_id uuid,
    start_at timestamptz not null,
    end_at timestamptz not null check (end_at > start_at),
    status text not null,
    check_in_token text not null,
    checked_in_at timestamptz,
    checked_in_by text,
    -- When an unchecked-in booking is released as a no-show: stored so that a changed window
    -- applies only to new bookings and the release job is a plain indexed query.
    release_at timestamptz not null,
    cancelled_at timestamptz,
    cancelled_by text,
    created_at timestamptz not null,
    version int not null default 0,
    -- No double booking under any concurrency: the database itself refuses an active booking
    -- whose time range overlaps another active booking of the same space.
    constraint booking_no_overlap exclude using gist (space_id with =, tstzrange(start_at, end_at) with &&)
        where (status in ('CONFIRMED', 'CHECKED_IN'))
);
create index booking_member on booking (username, start_at);
create index booking_team on booking (team_id, start_at);
create index booking_release on booking (release_at) where status = 'CONFIRMED';
create unique index booking_check_in_token on booking (check_in_token);
