-- Which coach each client has (libs/web-support access): folded from the story bank's events by the service's own
-- "<service>-client-assignments" consumer, read by its authorisation checks.
create table client_assignment (
    org_id       text   not null,
    client_id    text   not null,
    coach_id     text,
    bank_version bigint not null,
    primary key (org_id, client_id)
);
