-- Who the clients are, per organisation: folded from story.events (StoryBankOpened).
create table client_directory (
    org_id          text   not null,
    client_id       text   not null,
    bank_id         text   not null,
    coach_id        text,
    target_role     text   not null,
    target_level    text   not null,
    interview_date  date,
    last_version    bigint not null,
    primary key (org_id, client_id)
);
