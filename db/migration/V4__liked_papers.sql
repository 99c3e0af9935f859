-- Papers a subscriber says they like: an arXiv id, a paper key or an exact title, as given.
create table liked_paper (
    subscriber_id  bigint      not null references subscriber (id) on delete cascade,
    paper          text        not null,
    added_at       timestamptz not null default now(),
    primary key (subscriber_id, paper)
);
