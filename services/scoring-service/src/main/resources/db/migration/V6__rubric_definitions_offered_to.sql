-- Issue 7: a partner rubric adopted by the organisation it was offered to is registered for that organisation only, not
-- installation-wide. offered_to_org null: the installation catalogue (registered by an operator). Not named org_id on purpose:
-- db/tenancy would put a row-level-security policy on it and hide the installation rows (null) from every request.
alter table rubric_definitions add column offered_to_org text;

-- One registration per version and owner. Every registration of a version has the same definition (the application checks
-- definition_sha256 under a lock on the version name), so the engine of a version stays one, whoever scores with it.
alter table rubric_definitions drop constraint rubric_definitions_pkey;
create unique index rubric_definitions_by_owner on rubric_definitions (rubric_version, coalesce(offered_to_org, ''));

-- Definitions registered before from an offer became installation-wide: they go back to every organisation that was offered
-- that very definition (organisations scoring with one keep scoring: engines are looked up by version, whoever owns it).
-- (distinct: two providers may have offered one organisation the same definition under the same version)
insert into rubric_definitions (rubric_version, title, provider_id, pack_version, definition, definition_sha256, registered_at, offered_to_org)
select distinct on (d.rubric_version, o.org_id) d.rubric_version, d.title, d.provider_id, d.pack_version, d.definition, d.definition_sha256, d.registered_at, o.org_id
from rubric_definitions d
join offered_rubrics o on o.rubric_version = d.rubric_version and o.definition = d.definition
where d.offered_to_org is null;

delete from rubric_definitions d
where d.offered_to_org is null
  and exists (select 1 from offered_rubrics o where o.rubric_version = d.rubric_version and o.definition = d.definition);
