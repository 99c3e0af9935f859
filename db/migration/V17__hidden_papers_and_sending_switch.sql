-- An operator can hide a paper from every digest: the matcher leaves it out of its
-- candidates and a digest composed before renders without it.
alter table paper add column hidden_at timestamptz;

-- The switch that pauses all sending: one row, read by every instance's outbox workers
-- every two seconds.
create table sending_switch (
    id          boolean     primary key default true check (id),
    paused      boolean     not null default false,
    changed_at  timestamptz not null default now(),
    changed_by  text
);

insert into sending_switch (id) values (true);

-- The console's paper detail: to how many subscribers a paper went, and their feedback.
create index digest_paper_paper_idx on digest_paper (paper_id);
create index feedback_paper_idx on feedback (paper_key);
-- The deliveries page's current run: the digests due in one hour.
create index digest_due_idx on digest (due_at);
