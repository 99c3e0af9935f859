-- The paper catalog. One row per paper, whichever sources have seen it.
create table paper (
    id             bigint generated always as identity primary key,
    -- arXiv id without version when known, otherwise 'h-' + a hash of the normalized title; never changes
    key            text        not null unique,
    arxiv_id       text        unique,
    -- hash of the normalized title, used to merge a title-only record with the arXiv paper it describes
    title_hash     text        not null,
    title          text        not null,
    abstract       text        not null,
    authors        text[]      not null default '{}',
    categories     text[]      not null default '{}',
    arxiv_url      text,
    pdf_url        text,
    hf_url         text,
    code_url       text,
    project_url    text,
    published_on   date,
    featured_on    date,
    upvotes        integer,
    comments       integer,
    keywords       text[]      not null default '{}',
    summary        text,
    sources        text[]      not null default '{}',
    first_seen_at  timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    -- the day a paper belongs to: published, else featured, else first seen (UTC)
    day            date generated always as (
                       coalesce(published_on, featured_on, (first_seen_at at time zone 'UTC')::date)) stored,
    search         tsvector generated always as (
                       setweight(to_tsvector('english', title), 'A') ||
                       setweight(to_tsvector('english', abstract), 'B')) stored
);

create index paper_search_idx on paper using gin (search);
create index paper_title_hash_idx on paper (title_hash);
-- the default listing and the date filter of the read API
create index paper_day_idx on paper (day desc, id desc);
create index paper_first_seen_idx on paper (first_seen_at);

-- One popularity reading per paper per day, so later stages can tell a paper that is gaining upvotes.
create table paper_popularity (
    paper_id  bigint  not null references paper (id) on delete cascade,
    day       date    not null,
    upvotes   integer not null,
    comments  integer,
    primary key (paper_id, day)
);

-- Every fetch: scheduled, manual, import or demo.
create table fetch_run (
    id              bigint generated always as identity primary key,
    source          text        not null,
    trigger         text        not null,
    -- what was fetched: the days, the feed, the query or the file name
    target          text,
    window_from     date,
    window_to       date,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    status          text        not null,
    new_count       integer     not null default 0,
    updated_count   integer     not null default 0,
    unchanged_count integer     not null default 0,
    rejected_count  integer     not null default 0,
    message         text
);

create index fetch_run_started_idx on fetch_run (started_at desc, id desc);
create index fetch_run_source_idx on fetch_run (source, started_at desc);

-- Every rejected record of a run, with its reason and a short excerpt of what was received.
create table fetch_rejection (
    id        bigint generated always as identity primary key,
    run_id    bigint not null references fetch_run (id) on delete cascade,
    record    text   not null,
    reason    text   not null,
    excerpt   text
);

create index fetch_rejection_run_idx on fetch_rejection (run_id, id);
