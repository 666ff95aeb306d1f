-- Idempotency-Key of POSTs (libs/web-support): the first response to a key, written in the same transaction as the
-- events that request appended (after them), so a retry finds either both or neither.
create table idempotency_keys (
    idempotency_key      text        primary key,
    -- SHA-256 of method, path, content type, If-Match and body: the same key with another request is refused (422)
    request_fingerprint  text        not null,
    response_status      integer     not null,
    -- one "name<TAB>value" per line
    response_headers     text        not null,
    response_body        bytea       not null,
    created_at           timestamptz not null default now()
);
