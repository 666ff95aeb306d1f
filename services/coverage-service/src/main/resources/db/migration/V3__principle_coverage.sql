-- Principle coverage per client: folded from story.events (stories, claims, appendix, retirement) and scoring.events
-- (scorecards). Scores are kept per (story, revision, rubric version) on their own, so a score that arrives before the
-- revision it scores is applied as soon as that revision is the story's current one.
create table coverage_story (
    org_id        text    not null,
    client_id     text    not null,
    story_id      text    primary key,
    bank_id       text    not null,
    title         text    not null,
    revision      int     not null,
    principles    text    not null,
    body          text    not null,
    project_tag   text,
    retired       boolean not null default false,
    deep_dive     boolean not null default false,
    last_version  bigint  not null
);
create index coverage_story_client on coverage_story (client_id);

create table coverage_score (
    org_id          text    not null,
    client_id       text    not null,
    story_id        text    not null,
    revision        int     not null,
    rubric_version  text    not null,
    verdict         text    not null,
    overall         int     not null,
    fits            text    not null,
    occurred_at     timestamptz not null,
    primary key (story_id, revision, rubric_version)
);
create index coverage_score_client on coverage_score (client_id);
