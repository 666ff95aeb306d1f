-- Each story at its latest revision, for bank overviews and the per-bank story limit. Written in the same transaction
-- as the story's events (after the append), so it is never behind the event store; rebuildable by folding the streams.
create table story_summaries (
    story_id       text        primary key,
    bank_id        text        not null,
    org_id         text        not null,
    client_id      text        not null,
    title          text        not null,
    revision       integer     not null,
    -- the story stream's version: its ETag
    version        bigint      not null,
    format         text        not null check (format in ('STAR', 'TEXT')),
    principles     text[]      not null,
    project_tag    text,
    word_count     integer     not null,
    has_deep_dive  boolean     not null,
    retired        boolean     not null,
    drafted_at     timestamptz not null,
    changed_at     timestamptz not null
);
create index story_summaries_bank on story_summaries (bank_id, drafted_at);
