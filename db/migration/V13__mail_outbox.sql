-- delivery's own outbox, for one-off emails (a confirmation, an "already subscribed" note),
-- sent by the same workers as the digests and the same way: QUEUED -> SENDING -> sent, or
-- RETRY (at next_attempt_at), FAILED, SUPPRESSED. A row left SENDING past lease_until is sent
-- again, with the same Message-ID (derived from the row's id). The email is rendered from its
-- templates when it is sent; a sent one's row is deleted, an ended one's variables (which hold
-- signed links) are cleared, and suppressing an address (erasure, a bounce) deletes its rows, so
-- nothing waits here longer than it must.
create table mail_message (
    id               bigint      generated always as identity primary key,
    recipient        text        not null,
    subject          text        not null,
    template         text        not null,
    variables        jsonb       not null,
    headers          jsonb       not null,
    status           text        not null check (status in ('QUEUED', 'SENDING', 'RETRY', 'FAILED', 'SUPPRESSED', 'SKIPPED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz not null default now()
);

create index mail_message_ready_idx on mail_message (next_attempt_at) where status in ('QUEUED', 'RETRY');
create index mail_message_lease_idx on mail_message (lease_until) where status = 'SENDING';
