-- Story timeline: every revision's text (immutable per revision) and every scorecard, folded from story.events and
-- scoring.events; the timeline and its attribution are computed from these on read.
create table timeline_revision (
    story_id     text not null,
    revision     int  not null,
    org_id       text not null,
    client_id    text not null,
    occurred_at  timestamptz not null,
    situation    text,
    task         text,
    action       text,
    result       text,
    free_text    text,
    primary key (story_id, revision)
);

create table timeline_score (
    story_id          text not null,
    revision          int  not null,
    rubric_version    text not null,
    org_id            text not null,
    client_id         text not null,
    verdict           text not null,
    overall           int  not null,
    dimensions        text not null,
    flags             text not null,
    ar_share          double precision not null,
    speaking_seconds  int  not null,
    word_count        int  not null,
    occurred_at       timestamptz not null,
    primary key (story_id, revision, rubric_version)
);
