-- Local and CI only: one role and two databases (the suite's and the tests') per service.
-- Passwords equal the role names: dev-only values, never used outside this machine.
-- Idempotent: run it as often as you like with psql -U postgres -f dev/init-databases.sql.
select format('create role %I login password %L', r, r)
from unnest(array['residents', 'care', 'coworking', 'mentoring']) as r
where not exists (select 1 from pg_roles where rolname = r)
\gexec

select format('create database %I owner %I', d, split_part(d, '_', 1))
from unnest(array['residents', 'care', 'coworking', 'mentoring',
                  'residents_test', 'care_test', 'coworking_test', 'mentoring_test']) as d
where not exists (select 1 from pg_database where datname = d)
\gexec
