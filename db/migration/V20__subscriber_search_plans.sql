-- The console's subscriber search at 1,000,000 subscribers (docs/benchmarks.md, "Console at
-- scale"): each state's subscribers in address order, so "state + starts with" is one range
-- of this index and "state, sorted by address" reads a page and stops, however rare the state.
create index subscriber_status_email_idx on subscriber (status, email_key text_pattern_ops);

-- V16 added search_words to a table that may already hold a million rows: without
-- statistics on it the planner took every interest word for a rare one (0.5 %) and chose
-- bitmap scans that read and sorted 100,000 rows for "diffusion" (a tenth of the list).
-- Autovacuum would not analyze the table until a tenth of it changed.
analyze subscriber;
