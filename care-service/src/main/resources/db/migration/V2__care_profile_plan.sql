-- Care profiles grow the responder plan and the resident's rhythm. Personal columns become
-- nullable: when consent is withdrawn, only the resident's id is kept.
alter table care_profile
    alter column name drop not null,
    alter column birth_date drop not null,
    alter column dong drop not null,
    alter column complex drop not null,
    add column assigned_care_worker varchar(100),
    add column emergency_contacts   text        not null default '[]',
    -- Null means "the configured default" (care.profile.*), so a changed default reaches everyone
    -- who was not given their own values by a supervisor.
    add column active_from          time,
    add column active_to            time,
    add column quiet_period_minutes integer,
    add column closed_at            timestamptz,
    add column closed_reason        varchar(40),
    add column updated_at           timestamptz;
