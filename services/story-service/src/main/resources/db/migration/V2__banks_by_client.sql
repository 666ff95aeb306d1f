-- One bank per client: written in the same transaction as the bank's first event.
create table banks_by_client (
    org_id     text not null,
    client_id  text not null,
    bank_id    text not null unique,
    opened_at  timestamptz not null default now(),
    primary key (org_id, client_id)
);
create index banks_by_client_client on banks_by_client (client_id);
