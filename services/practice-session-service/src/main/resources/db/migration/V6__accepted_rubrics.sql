-- rubrics accepted from content providers (re-published for scoring-service, which offers them); kept so that the same
-- rubric sent again is recognised and not re-published
create table accepted_rubrics (
    org_id         text not null,
    provider_id    text not null,
    rubric_version text not null,
    pack_id        text not null,
    pack_version   text not null,
    title          text,
    definition     text not null,
    accepted_at    timestamptz not null default now(),
    primary key (org_id, provider_id, rubric_version)
);
