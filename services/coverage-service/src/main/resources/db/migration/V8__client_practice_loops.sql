-- Completed practice loops on the client timeline (from LoopCompleted): self-practice loops have no interviewer ratings, so
-- without these rows they never reached the timeline at all.
create table client_practice_loop (
    event_id            uuid primary key,
    org_id              text not null,
    client_id           text not null,
    at                  timestamptz not null,
    loop_id             text not null,
    abandoned           boolean not null,
    questions_asked     int not null,
    answers_given       int not null,
    answers_in_target   int not null,
    mean_rating_score   double precision,
    warnings            int not null
);
create index client_practice_loop_client on client_practice_loop (client_id, at);
