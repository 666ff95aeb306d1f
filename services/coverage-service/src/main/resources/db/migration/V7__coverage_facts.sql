-- The client timeline's readiness series is folded on read from these facts in the order the events happened, so it
-- no longer depends on the order story and scoring events arrived in (replaces client_readiness_history, which recorded
-- readiness in arrival order). One row per story or scoring event that coverage folds.
create table coverage_fact (
    event_id        uuid        primary key,
    org_id          text        not null,
    client_id       text        not null,
    occurred_at     timestamptz not null,
    stream_version  bigint      not null,
    story_id        text        not null,
    kind            text        not null,
    revision        int,
    principles      text,
    body            text,
    project_tag     text,
    flag            boolean,
    rubric_version  text,
    verdict         text,
    overall         int,
    fits            text
);
create index coverage_fact_client on coverage_fact (client_id, occurred_at);

drop table client_readiness_history;

create index coverage_story_org on coverage_story (org_id);
