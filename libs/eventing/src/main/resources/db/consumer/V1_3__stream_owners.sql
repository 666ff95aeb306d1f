-- Which organisation each stream belongs to, as its first event said (per consumer group, so groups never wait on each
-- other): an event that claims a stream another organisation owns is dead-lettered (ORG_MISMATCH), so one tenant cannot
-- write into another's views through Kafka.
create table stream_owners (
    consumer_group  text not null,
    stream_id       text not null,
    org_id          text not null,
    primary key (consumer_group, stream_id)
);
