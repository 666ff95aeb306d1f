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

-- Requests run as storyloop_tenant with the caller's organisation set, so row-level security decides what they see
-- (libs/web-support tenancy; each service's migrations grant it their tables and add the policies). The service roles
-- may switch to it, and own their tables, which policies do not bind: consumers write every organisation's events.
create role storyloop_tenant nologin;
grant storyloop_tenant to story_service, scoring_service, practice_service, coverage_service;
