-- The event store of one service, and its outbox: the relay publishes rows of this table to Kafka.
create table events (
    position        bigint generated always as identity primary key,
    -- the writing transaction; the relay orders by (transaction_id, position) and only reads transactions older than
    -- every running one, because identity values are taken before commit and can commit out of order
    transaction_id  xid8        not null default pg_current_xact_id(),
    event_id        uuid        not null,
    stream_id       text        not null,
    stream_version  bigint      not null,
    event_type      text        not null,
    partition_key   text        not null,
    org_id          text        not null,
    payload         bytea       not null,
    recorded_at     timestamptz not null default now(),
    constraint events_event_id_unique unique (event_id),
    constraint events_stream_version_unique unique (stream_id, stream_version),
    constraint events_stream_version_positive check (stream_version > 0)
);

create index events_relay_order on events (transaction_id, position);

create table relay_checkpoints (
    relay_name      text        primary key,
    transaction_id  xid8        not null,
    position        bigint      not null,
    updated_at      timestamptz not null default now()
);
