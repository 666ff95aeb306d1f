-- The scorecard JSON (about 14 KB for a 400-word story) is deflated by the service and stored as is: PostgreSQL compressing
-- it into TOAST inside the consumer's transaction halved scoring throughput (./storyloop bench scoring). EXTERNAL storage:
-- out of line when large, never compressed again. Rows written before this migration keep their text column.
alter table scorecards add column scorecard_deflated bytea;
alter table scorecards alter column scorecard_deflated set storage external;
alter table scorecards alter column scorecard drop not null;
alter table scorecards add constraint scorecards_json_present check (scorecard is not null or scorecard_deflated is not null);
