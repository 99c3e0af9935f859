-- Soft bounces of an address (the suppression list's salted hash) since window_start; a bounce
-- after the window has passed starts the count again. The row goes when the address is suppressed.
create table soft_bounce (
    address_hash    text        primary key,
    bounces         integer     not null,
    window_start    timestamptz not null,
    last_bounce_at  timestamptz not null
);

-- What the SMTP server and the providers' webhooks reported, for operators: the address only as
-- its hash, details with any address in them masked. event_id is the provider's id for the
-- event, so a webhook delivered twice is recorded (and counted) once.
create table bounce_event (
    id            bigint      generated always as identity primary key,
    provider      text        not null,
    event_id      text,
    kind          text        not null check (kind in ('HARD', 'SOFT', 'COMPLAINT')),
    address_hash  text        not null,
    detail        text        not null,
    received_at   timestamptz not null default now()
);

create unique index bounce_event_once_idx on bounce_event (provider, event_id, address_hash)
    where event_id is not null;
create index bounce_event_address_idx on bounce_event (address_hash, received_at);
create index bounce_event_received_idx on bounce_event (received_at);
