-- Exactly-once effects for at-least-once delivery: an event id is applied once per consumer group.
create table inbox (
    consumer_group  text        not null,
    event_id        uuid        not null,
    received_at     timestamptz not null default now(),
    primary key (consumer_group, event_id)
);

-- The truth of where a consumer is: committed in the same transaction as the views it feeds.
create table consumer_positions (
    consumer_group  text        not null,
    topic           text        not null,
    partition       int         not null,
    next_offset     bigint      not null,
    updated_at      timestamptz not null default now(),
    primary key (consumer_group, topic, partition)
);
