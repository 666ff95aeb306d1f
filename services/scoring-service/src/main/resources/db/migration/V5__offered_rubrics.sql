-- Rubrics providers published (RubricPublished on content.events), offered to the organisation they were published for.
-- Not in effect until an admin adopts one; `requires` says why the engine cannot run it (null: adoptable).
create table offered_rubrics (
    org_id          text        not null,
    provider_id     text        not null,
    rubric_version  text        not null,
    pack_id         text        not null,
    pack_version    text        not null,
    title           text,
    definition      text        not null,
    requires        text,
    event_id        uuid        not null,
    offered_at      timestamptz not null default now(),
    primary key (org_id, provider_id, rubric_version)
);
