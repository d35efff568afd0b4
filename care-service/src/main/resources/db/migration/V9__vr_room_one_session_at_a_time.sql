-- A room's headsets are promised to one session at a time: the database refuses a second session
-- in the same room at an overlapping time, whatever the code does. Ranges are half-open, so a
-- session may start when the previous one ends. Sessions cannot be cancelled (there is no such
-- state), so every stored session holds its room. A database that already holds two overlapping
-- sessions in one room stops this migration with both named: move one to another room first.
alter table vr_session
    add constraint vr_session_room_free exclude using gist (room with =, tstzrange(starts_at, ends_at) with &&);
