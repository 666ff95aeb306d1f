-- Row-level security by organisation (issue 7), applied after every migration of a service that lists
-- classpath:db/tenancy: every table of the schema with an org_id column gets a policy, so a table added later is
-- covered without anyone remembering to. Requests run as the role <schema>_tenant (story_tenant, ...) with
-- storyloop.org_id set to the caller's organisation (libs/web-support tenancy); consumers, the relay and migrations
-- run as the schema's owner, which policies do not bind (they write every organisation's events by design).
-- One tenant role per service: a role shared by all would hand each service's login role every other schema.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = current_schema() || '_tenant') then
        execute format('create role %I nologin', current_schema() || '_tenant');
    end if;
exception
    -- created meanwhile by another instance of the same service
    when duplicate_object or unique_violation then null;
end $$;

do $$
declare
    t record;
begin
    execute format('grant usage on schema %I to %I', current_schema(), current_schema() || '_tenant');
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), current_schema() || '_tenant');
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), current_schema() || '_tenant');
    -- the event log is appended to, never changed, by requests too
    if to_regclass(format('%I.events', current_schema())) is not null then
        execute format('revoke update, delete, truncate on %I.events from %I', current_schema(), current_schema() || '_tenant');
    end if;
    for t in select c.relname
               from pg_class c
               join pg_namespace n on n.oid = c.relnamespace
               join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
              where n.nspname = current_schema() and c.relkind in ('r', 'p')
    loop
        execute format('alter table %I enable row level security', t.relname);
        -- (re)created when missing or bound to another role, e.g. by an earlier version of this file
        if not exists (select 1 from pg_policies where schemaname = current_schema() and tablename = t.relname and policyname = 'tenant_isolation'
                          and (current_schema() || '_tenant')::name = any (roles)) then
            execute format('drop policy if exists tenant_isolation on %I', t.relname);
            execute format('create policy tenant_isolation on %I to %I'
                || ' using (org_id = current_setting(''storyloop.org_id'', true))'
                || ' with check (org_id = current_setting(''storyloop.org_id'', true))', t.relname, current_schema() || '_tenant');
        end if;
    end loop;
end $$;
