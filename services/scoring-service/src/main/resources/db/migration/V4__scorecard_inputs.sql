-- The scorecard document is no longer stored: the read model keeps what the engine was given besides the revision copy
-- (the claimed principles and the target level at scoring time) and rebuilds the document on read. The engine is
-- deterministic (same input and rubric version, same bytes) and a rubric version never changes, so the rebuilt document is
-- the one scored; writing 14 KB per scorecard in the consumer's transaction cost more than scoring (./storyloop bench
-- scoring). Rows written before keep their stored document and are served from it.
alter table scorecards drop constraint scorecards_json_present;
alter table scorecards add column claimed text[];
alter table scorecards add column target_level text;
