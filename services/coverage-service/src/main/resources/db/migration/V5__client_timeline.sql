-- Client timeline: readiness and stories at PASS after every story or scoring event (written by the principle coverage
-- projection in the same transaction as the coverage rows), and interviewer ratings from practice.events.
-- `at` is the projection's clock for the client: the latest occurredAt applied so far, so the series never goes back in
-- time when a scorecard is applied before the revision it scores; seq orders points that share an `at`.
create table client_readiness_history (
    event_id         uuid primary key,
    seq              bigserial not null,
    org_id           text not null,
    client_id        text not null,
    at               timestamptz not null,
    readiness        int  not null,
    stories_at_pass  int  not null,
    active_stories   int  not null
);
create index client_readiness_history_client on client_readiness_history (client_id, at);

create table client_practice_rating (
    event_id      uuid primary key,
    org_id        text not null,
    client_id     text not null,
    at            timestamptz not null,
    loop_id       text not null,
    question_id   text not null,
    rating        text not null,
    rating_score  int
);
create index client_practice_rating_client on client_practice_rating (client_id, at);
