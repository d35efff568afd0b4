-- Active hours and quiet period learned from the resident's own activity history (RhythmLearner).
-- Staff's own values (active_from, active_to, quiet_period_minutes) win over these, and these over
-- the configured default. Null until there is enough history.
alter table care_profile
    add column learned_active_from          time,
    add column learned_active_to            time,
    add column learned_quiet_period_minutes integer,
    add column rhythm_learned_at            timestamptz,
    add column rhythm_learned_days          integer,
    -- When the learner last looked, also when it found too little history: the job that relearns
    -- profiles a day after their last look reads this column.
    add column rhythm_checked_at            timestamptz;
create index care_profile_rhythm_checked on care_profile (rhythm_checked_at nulls first) where status = 'OPEN';
