-- Founders waiting for a taken space and range; the first in line gets it when it is freed.
create table waitlist_entry (
    id uuid primary key,
    space_id uuid not null references space (id),
    member_id uuid not null references member (id),
    username text not null,
    start_at timestamptz not null,
    end_at timestamptz not null check (end_at > start_at),
    status text not null,
    booking_id uuid references booking (id),
    created_at timestamptz not null,
    promoted_at timestamptz,
    version int not null default 0
);
create index waitlist_line on waitlist_entry (space_id, created_at) where status = 'WAITING';
create index waitlist_member on waitlist_entry (username, created_at);
-- One place in line per founder for the same space and range.
create unique index waitlist_once on waitlist_entry (username, space_id, start_at, end_at) where status = 'WAITING';
