-- Only papers with at least this many Hugging Face upvotes (0: no minimum). Excluded arXiv
-- categories need no column: they are the profile's categories written with a leading '-'.
alter table subscriber add column min_upvotes integer not null default 0 check (min_upvotes between 0 and 100000);
