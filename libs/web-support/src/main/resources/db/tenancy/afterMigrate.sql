-- Row-level security by organisation (issue 7), applied after every migration of a service that lists
-- classpath:db/tenancy: every table of the schema with an org_id column gets a policy, so a table added later is
-- covered without anyone remembering to. Requests run as the role storyloop_tenant with storyloop.org_id set to the
-- caller's organisation (libs/web-support tenancy); consumers, the relay and migrations run as the schema's owner,
-- which policies do not bind (they write every organisation's events by design).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'storyloop_tenant') then
        create role storyloop_tenant nologin;
    end if;
exception
    -- two services migrating at once: the other one created it
    when duplicate_object or unique_violation then null;
end $$;

do $$
declare
    t record;
begin
    execute format('grant usage on schema %I to storyloop_tenant', current_schema());
    execute format('grant select, insert, update, delete on all tables in schema %I to storyloop_tenant', current_schema());
    execute format('grant usage, select on all sequences in schema %I to storyloop_tenant', current_schema());
    for t in select c.relname
               from pg_class c
               join pg_namespace n on n.oid = c.relnamespace
               join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
              where n.nspname = current_schema() and c.relkind in ('r', 'p')
    loop
        execute format('alter table %I enable row level security', t.relname);
        if not exists (select 1 from pg_policies where schemaname = current_schema() and tablename = t.relname and policyname = 'tenant_isolation') then
            execute format('create policy tenant_isolation on %I to storyloop_tenant'
                || ' using (org_id = current_setting(''storyloop.org_id'', true))'
                || ' with check (org_id = current_setting(''storyloop.org_id'', true))', t.relname);
        end if;
    end loop;
end $$;
