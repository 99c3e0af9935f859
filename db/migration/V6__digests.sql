-- A subscriber's interests sentence as a vector, computed when the sentence changes (text_hash
-- is the SHA-256 of the sentence), so ranking 100,000 subscribers runs no model. The vector is
-- 384 little-endian float32 values in a bytea: one binary value to read, not 384 numbers to parse.
create table profile_embedding (
    subscriber_id  bigint      primary key references subscriber (id) on delete cascade,
    model          text        not null,
    text_hash      text        not null,
    vector         bytea       not null,
    created_at     timestamptz not null default now()
);

-- When each active subscriber's next digest is due. schedule is the profile's
-- cadence|weekday|hour|zone the row was computed from: a profile change makes it stale.
create table digest_schedule (
    subscriber_id  bigint      primary key references subscriber (id) on delete cascade,
    schedule       text        not null,
    next_due_at    timestamptz not null
);

create index digest_schedule_due_idx on digest_schedule (next_due_at);

-- One digest per subscriber per period ('2026-11-23' for a daily digest, the local date of
-- the weekday for a weekly one), composed when due and sent through this outbox:
-- QUEUED -> SENDING -> SENT, or RETRY (at next_attempt_at), FAILED, SUPPRESSED; SKIPPED when
-- nothing qualified. A row left SENDING past lease_until is sent again, with the same Message-ID
-- (derived from the row's id).
create table digest (
    id               bigint      generated always as identity primary key,
    subscriber_id    bigint      not null references subscriber (id) on delete cascade,
    period           text        not null,
    due_at           timestamptz not null,
    status           text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'RETRY', 'FAILED', 'SUPPRESSED', 'SKIPPED')),
    trending         boolean     not null default false,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz,
    unique (subscriber_id, period)
);

create index digest_ready_idx on digest (next_attempt_at) where status in ('QUEUED', 'RETRY');
create index digest_lease_idx on digest (lease_until) where status = 'SENDING';
create index digest_status_idx on digest (status, created_at);

-- The papers of each digest, in order. The second unique key is "never twice": a paper goes
-- to a subscriber at most once, whatever source or version it came from (papers are one row each).
create table digest_paper (
    digest_id      bigint      not null references digest (id) on delete cascade,
    subscriber_id  bigint      not null references subscriber (id) on delete cascade,
    paper_id       bigint      not null references paper (id) on delete cascade,
    position       smallint    not null,
    score          real        not null,
    reasons        text[]      not null,
    primary key (digest_id, position),
    unique (subscriber_id, paper_id)
);

-- Modules that keep something derived from subscribers (profile vectors, schedules) find
-- the ones that changed since their last look.
create index subscriber_updated_idx on subscriber (updated_at);
