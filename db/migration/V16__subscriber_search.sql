-- The console's subscriber search, kept under 300 ms at 1,000,000 subscribers: every
-- filter and sort it offers has an index, and no page counts all matches.

-- Trigrams serve "address contains" (pg_trgm is a trusted contrib extension: the
-- database's owner may create it, and the embedded binaries ship it).
create extension if not exists pg_trgm;

-- "Address starts with": email_key like 'ann%'. The unique index on email_key uses the
-- database's collation, which serves LIKE only under C; text_pattern_ops always does.
create index subscriber_email_key_prefix_idx on subscriber (email_key text_pattern_ops);

-- "Address contains": email_key like '%ann%'.
create index subscriber_email_key_trgm_idx on subscriber using gin (email_key gin_trgm_ops);

-- "Interests": the words of interests and keywords, stored beside the row, so a search
-- walking the newest rows tests each with a cheap match instead of parsing its text.
alter table subscriber add column search_words tsvector
    generated always as (to_tsvector('english', interests || ' ' || keywords)) stored;
create index subscriber_search_words_idx on subscriber using gin (search_words);

-- One state, newest first (or the state sort): read in index order, stopped after a page.
-- It replaces the index on status alone, its prefix.
create index subscriber_status_id_idx on subscriber (status, id);
drop index subscriber_status_idx;
