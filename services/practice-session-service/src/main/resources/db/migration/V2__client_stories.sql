-- local copies for loop planning, folded from story.events and scoring.events (idempotent: consumer inbox + version guards)
create table client_banks (
    org_id    text not null,
    client_id text not null,
    bank_id   text not null,
    primary key (org_id, client_id)
);

create table client_stories (
    story_id     text primary key,
    org_id       text not null,
    client_id    text not null,
    bank_id      text not null,
    title        text not null,
    revision     int not null,
    principles   text[] not null,
    retired      boolean not null default false,
    last_version bigint not null
);
create index client_stories_by_client on client_stories (org_id, client_id);

-- the latest scored revision of each story (a score may arrive before the story itself)
create table story_scores (
    story_id text primary key,
    org_id   text not null,
    revision int not null,
    overall  int not null,
    verdict  text not null
);

create table story_fits (
    story_id  text not null,
    principle text not null,
    fit       double precision not null,
    primary key (story_id, principle)
);
