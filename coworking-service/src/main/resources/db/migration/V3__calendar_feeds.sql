-- A founder's private calendar feed: calendar apps cannot send bearer tokens, so the feed URL
-- carries a random token; only its SHA-256 is kept, and issuing a new one revokes the old.
create table calendar_feed (
    username text primary key,
    token_hash text not null unique,
    created_at timestamptz not null
);
