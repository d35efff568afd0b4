-- Devices installed in residents' homes (or worn), and the readings they send.
create table device (
    serial                     varchar(40) primary key,
    type                       varchar(20) not null,
    resident_id                uuid        references care_profile (resident_id),
    installed_at               timestamptz,
    registered_at              timestamptz not null,
    last_seen_at               timestamptz,
    -- last_seen_at (or installed_at) plus the heartbeat interval: past it the device is silent.
    -- Stored so that the scan for silent devices is one indexed range query.
    silent_after               timestamptz,
    battery_percent            integer,
    battery_measured_at        timestamptz,
    firmware                   varchar(40),
    heartbeat_interval_seconds integer     not null,
    version                    integer     not null default 0
);
create index device_resident on device (resident_id);
create index device_silent_after on device (silent_after) where resident_id is not null;

-- The volume table: one row per reading, kept narrow (no surrogate key, no JSON, no foreign key
-- checked per insert). The primary key is the device's own (serial, sequence), which is what makes
-- a resent batch store nothing twice; the second index serves trends, baselines and inactivity,
-- which always ask for one resident, one type, a time range.
create table reading (
    device_serial varchar(40)      not null,
    sequence      bigint           not null,
    resident_id   uuid,
    type          varchar(12)      not null,
    value         double precision not null,
    measured_at   timestamptz      not null,
    received_at   timestamptz      not null default now(),
    primary key (device_serial, sequence)
);
create index reading_resident_type_time on reading (resident_id, type, measured_at);
