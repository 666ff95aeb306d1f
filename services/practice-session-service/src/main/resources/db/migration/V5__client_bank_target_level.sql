-- the level a client's bank targets (StoryBankOpened), so the planner can suggest the L6/L7 variant of a question
alter table client_banks add column target_level text;
