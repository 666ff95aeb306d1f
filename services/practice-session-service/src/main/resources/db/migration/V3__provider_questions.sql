-- questions accepted from content providers (content.inbound); one row per provider question id, replaced by later pack versions
create table provider_questions (
    org_id       text not null,
    provider_id  text not null,
    question_id  text not null,
    pack_id      text not null,
    pack_version text not null,
    principle    text not null,
    level        text,
    text         text not null,
    probes       text[] not null,
    accepted_at  timestamptz not null default now(),
    primary key (org_id, provider_id, question_id)
);
