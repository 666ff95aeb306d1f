-- the versions of each provider content pack seen so far; the latest one received is current and its items replace the
-- previous version's (items the new version drops disappear); an older version arriving later is refused
create table content_pack_versions (
    org_id       text not null,
    provider_id  text not null,
    pack_id      text not null,
    pack_version text not null,
    current      boolean not null,
    received_at  timestamptz not null default now(),
    primary key (org_id, provider_id, pack_id, pack_version)
);
create unique index content_pack_versions_current on content_pack_versions (org_id, provider_id, pack_id) where current;

-- packs already in the bank before versions were tracked: their stored version is current
insert into content_pack_versions (org_id, provider_id, pack_id, pack_version, current)
select distinct on (org_id, provider_id, pack_id) org_id, provider_id, pack_id, pack_version, true
from provider_questions order by org_id, provider_id, pack_id, accepted_at desc;

-- the example-story library: stories accepted from content providers (ExampleStoryPublished), one row per provider example id
create table example_stories (
    org_id       text not null,
    provider_id  text not null,
    example_id   text not null,
    pack_id      text not null,
    pack_version text not null,
    title        text not null,
    principles   text[] not null,
    level        text,
    verdict      text not null,
    situation    text,
    task         text,
    action       text,
    result       text,
    story_text   text,
    commentary   text,
    accepted_at  timestamptz not null default now(),
    primary key (org_id, provider_id, example_id)
);
create index example_stories_by_principle on example_stories using gin (principles);
