-- Each resident's learned baseline per vital sign (median and median absolute deviation over the
-- baseline window), kept so that a batch of readings is judged without an aggregate over the
-- history. Refreshed by a job (care.detection.baseline-refresh) and when missing; samples also
-- counts the readings stored since it was computed.
create table vital_baseline (
    resident_id uuid             not null,
    type        varchar(12)      not null,
    samples     bigint           not null,
    median      double precision,
    mad         double precision,
    computed_at timestamptz      not null,
    primary key (resident_id, type)
);
create index vital_baseline_computed_at on vital_baseline (computed_at);
