-- Subscribers and their interest profile. The address is kept as given (domain lowercased)
-- and as a key for uniqueness (whole address lowercased).
create table subscriber (
    id                        bigint generated always as identity primary key,
    email                     text        not null,
    email_key                 text        not null unique,
    status                    text        not null check (status in ('PENDING', 'ACTIVE', 'PAUSED', 'UNSUBSCRIBED')),
    interests                 text        not null default '',
    keywords                  text        not null default '',
    authors                   text[]      not null default '{}',
    categories                text[]      not null default '{}',
    cadence                   text        not null default 'DAILY' check (cadence in ('DAILY', 'WEEKLY')),
    weekday                   smallint    not null default 1 check (weekday between 1 and 7),
    delivery_hour             smallint    not null default 7 check (delivery_hour between 0 and 23),
    time_zone                 text        not null default 'UTC',
    papers_per_digest         smallint    not null default 10 check (papers_per_digest between 1 and 50),
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    confirmed_at              timestamptz,
    unsubscribed_at           timestamptz,
    -- the issue time of the one confirmation link that still works; null once used
    confirmation_issued_at    timestamptz,
    -- when the last confirmation email went out, for the one-per-hour limit
    confirmation_sent_at      timestamptz
);

create index subscriber_status_idx on subscriber (status);

-- What each subscriber agreed to, when, and from where.
create table consent (
    id             bigint generated always as identity primary key,
    subscriber_id  bigint      not null references subscriber (id) on delete cascade,
    action         text        not null,
    given_at       timestamptz not null default now(),
    ip             text,
    user_agent     text,
    form_version   text        not null,
    agreed_to      text        not null
);

create index consent_subscriber_idx on consent (subscriber_id, given_at);

-- Addresses that must never be mailed again, kept only as a salted hash.
create table suppression (
    address_hash   text        primary key,
    reason         text        not null,
    created_at     timestamptz not null default now()
);
