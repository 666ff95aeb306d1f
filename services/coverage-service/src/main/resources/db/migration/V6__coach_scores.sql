-- Coach scores (CoachScored on scoring.events) for coach-vs-engine agreement; one row per event.
create table coach_score (
    event_id     uuid primary key,
    org_id       text not null,
    story_id     text not null,
    revision     int  not null,
    coach_id     text not null,
    dimensions   text not null,
    verdict      text not null,
    occurred_at  timestamptz not null
);
create index coach_score_org on coach_score (org_id);
