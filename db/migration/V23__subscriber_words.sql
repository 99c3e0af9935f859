-- The console's subscriber search for an interest word sorted by address, kept under 300 ms
-- at 1,000,000 subscribers whatever the word (docs/benchmarks.md, "Console at scale"): the GIN
-- index on search_words finds a word's subscribers but not in address order, so a word held
-- by 100,000 subscribers meant reading and sorting all of them (265 to 414 ms). Each word of
-- each subscriber's interests and keywords is kept here beside the address, in one index in
-- the address order of subscriber_email_key_prefix_idx: a page is the first rows of a range.
create table subscriber_word (
    word      text not null,
    email_key text not null
);

-- Kept by the database itself, so that no writer of subscriber (sign-up, profile change,
-- import, erasure, purge) can forget it. Deletions go through the index (the old row's words
-- and address), so the table needs no second index.
create function subscriber_word_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.search_words = old.search_words and new.email_key = old.email_key then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from subscriber_word
         where word = any (tsvector_to_array(old.search_words)) and email_key = old.email_key;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into subscriber_word (word, email_key)
        select word, new.email_key from unnest(tsvector_to_array(new.search_words)) word;
    end if;
    return null;
end
$$;

create trigger subscriber_word_sync
    after insert or update of interests, keywords, email_key or delete on subscriber
    for each row execute function subscriber_word_sync();

-- A truncate of subscriber (tests, a restore) empties it too.
create function subscriber_word_clear() returns trigger language plpgsql as $$
begin
    truncate subscriber_word;
    return null;
end
$$;

create trigger subscriber_word_clear after truncate on subscriber
    for each statement execute function subscriber_word_clear();

-- The index is built after the rows (a sorted build: packed pages, 3.5 words a subscriber in
-- the scale seed: 3,500,000 rows).
insert into subscriber_word (word, email_key)
select word, s.email_key from subscriber s, unnest(tsvector_to_array(s.search_words)) word;
create unique index subscriber_word_idx on subscriber_word (word, email_key text_pattern_ops);

analyze subscriber_word;
