-- scoring-service: local copies of story events, scorecards, coach scores, rubric versions and rescoring jobs.

-- Local copy of each story bank (StoryBankOpened): the organisation and the level the rubric compares scope with.
create table banks (
    bank_id       text primary key,
    org_id        text not null,
    client_id     text not null,
    target_level  text
);

-- Local copy of every story revision (StoryDrafted, StoryRevised; claims replaced by PrinciplesClaimed): what a
-- rescoring job replays. STAR fields or free text, exactly as the event carried them.
create table revisions (
    story_id         text        not null,
    revision         int         not null,
    bank_id          text        not null,
    org_id           text        not null,
    client_id        text        not null,
    title            text        not null,
    situation        text,
    task             text,
    action           text,
    result           text,
    story_text       text,
    principles       text[]      not null,
    -- the StoryDrafted/StoryRevised event: the causation of every scorecard of this revision
    source_event_id  uuid        not null,
    correlation_id   text        not null,
    received_at      timestamptz not null default now(),
    primary key (story_id, revision)
);

create index revisions_by_org on revisions (org_id, story_id, revision);

-- The rubric version each organisation adopted (RubricAdopted); no row: the built-in standard version.
create table organisations (
    org_id          text        primary key,
    rubric_version  text        not null,
    adopted_at      timestamptz not null default now()
);

-- Rubric definitions registered as data (beyond the built-in version), immutable once registered.
create table rubric_definitions (
    rubric_version     text        primary key,
    title              text,
    provider_id        text,
    pack_version       text,
    definition         text        not null,
    definition_sha256  text        not null,
    registered_at      timestamptz not null default now()
);

-- The read model of scorecards: one row per RevisionScored (story, revision, rubric version), written in the transaction
-- that appended the event. `scorecard` is the engine's full JSON (the CLI's --json), kept as text so its bytes never change.
create table scorecards (
    story_id          text        not null,
    revision          int         not null,
    rubric_version    text        not null,
    org_id            text        not null,
    client_id         text        not null,
    bank_id           text        not null,
    verdict           text        not null,
    overall           int         not null,
    -- the nine dimension scores in rubric order (FRICTION .. STRUCTURE)
    dimension_scores  int[]       not null,
    flags             text[]      not null,
    scorecard         text        not null,
    event_id          uuid        not null,
    scored_at         timestamptz not null default now(),
    primary key (story_id, revision, rubric_version)
);

create index scorecards_by_org on scorecards (org_id, rubric_version);

-- Coach scores (CoachScored), compared with the engine's scorecard of the same revision and rubric version.
create table coach_scores (
    event_id          uuid        primary key,
    org_id            text        not null,
    client_id         text        not null,
    story_id          text        not null,
    revision          int         not null,
    coach_id          text        not null,
    rubric_version    text        not null,
    -- in rubric order; null where the coach did not score the dimension
    dimension_scores  int[]       not null,
    flags             text[]      not null,
    verdict           text        not null,
    comment           text,
    scored_at         timestamptz not null
);

create index coach_scores_by_org on coach_scores (org_id, story_id, revision, rubric_version, coach_id, scored_at);

-- A rescoring job per adoption: every revision the organisation had when it adopted, replayed under the new version.
create table rescoring_jobs (
    job_id                   uuid        primary key,
    org_id                   text        not null,
    rubric_version           text        not null,
    previous_rubric_version  text,
    adoption_event_id        uuid        not null,
    correlation_id           text        not null,
    status                   text        not null,
    total                    int         not null,
    done                     int         not null default 0,
    failed                   int         not null default 0,
    created_at               timestamptz not null default now(),
    finished_at              timestamptz
);

create index rescoring_jobs_running on rescoring_jobs (created_at) where status = 'RUNNING';

create table rescoring_items (
    job_id    uuid    not null references rescoring_jobs (job_id),
    story_id  text    not null,
    revision  int     not null,
    done      boolean not null default false,
    primary key (job_id, story_id, revision)
);

create index rescoring_items_pending on rescoring_items (job_id, story_id, revision) where not done;
