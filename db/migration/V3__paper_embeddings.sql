-- One vector per paper per embedding model, so a model change re-embeds everything. text_hash
-- says which title and abstract the vector was computed from; a changed paper is embedded again.
create table paper_embedding (
    paper_id    bigint      not null references paper (id) on delete cascade,
    model       text        not null,
    text_hash   text        not null,
    vector      real[]      not null,
    created_at  timestamptz not null default now(),
    primary key (paper_id, model)
);

-- Papers the embedder could not embed, so one bad paper is retried later, not in every batch.
create table paper_embedding_failure (
    paper_id        bigint      not null references paper (id) on delete cascade,
    model           text        not null,
    attempts        integer     not null,
    last_error      text        not null,
    next_attempt_at timestamptz not null,
    primary key (paper_id, model)
);
