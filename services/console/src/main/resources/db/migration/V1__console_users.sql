-- People who sign in to the console; passwords are stored only as strong one-way hashes.
create table users (
    user_id        text primary key,
    org_id         text not null,
    email          text not null unique,
    display_name   text not null,
    password_hash  text not null,
    roles          text[] not null,
    client_id      text,
    coach_id       text,
    created_at     timestamptz not null default now()
);
