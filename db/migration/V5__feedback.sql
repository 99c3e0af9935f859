-- "More like this" (+1) and "less like this" (-1), one vote per subscriber and paper; undo deletes it.
create table feedback (
    subscriber_id  bigint      not null references subscriber (id) on delete cascade,
    paper_key      text        not null,
    vote           smallint    not null check (vote in (-1, 1)),
    created_at     timestamptz not null default now(),
    primary key (subscriber_id, paper_key)
);
