-- One schema and one role per service (docker-compose): a service can read and write only its own schema.
-- Passwords come from the environment of the postgres container (see docker-compose.yml), never from this file.
\set ON_ERROR_STOP on
\getenv story_password STORY_DB_PASSWORD
\getenv scoring_password SCORING_DB_PASSWORD
\getenv practice_password PRACTICE_DB_PASSWORD
\getenv coverage_password COVERAGE_DB_PASSWORD
\getenv console_password CONSOLE_DB_PASSWORD

create role story_service login password :'story_password';
create role scoring_service login password :'scoring_password';
create role practice_service login password :'practice_password';
create role coverage_service login password :'coverage_password';
create role console_service login password :'console_password';

create schema story authorization story_service;
create schema scoring authorization scoring_service;
create schema practice authorization practice_service;
create schema coverage authorization coverage_service;
create schema console authorization console_service;

revoke all on schema public from public;

-- Requests run as their service's tenant role with the caller's organisation set, so row-level security decides what
-- they see (libs/web-support tenancy; each service's migrations grant its role its own tables and add the policies).
-- One role per service, granted to that service alone: a shared one would give every service every schema. The service
-- roles own their tables, which policies do not bind: consumers write every organisation's events by design.
create role story_tenant nologin;
create role scoring_tenant nologin;
create role practice_tenant nologin;
create role coverage_tenant nologin;
grant story_tenant to story_service;
grant scoring_tenant to scoring_service;
grant practice_tenant to practice_service;
grant coverage_tenant to coverage_service;
