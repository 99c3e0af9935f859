-- The look of every email, edited in the console: one row (id 1), absent until first saved;
-- without it the configured sender name and the bundled look apply.
create table branding (
    id              smallint    primary key check (id = 1),
    sender_name     text        not null,
    accent          text        not null check (accent ~ '^#[0-9a-f]{6}$'),
    footer          text        not null default '',
    postal_address  text        not null default '',
    logo_hash       text,
    updated_at      timestamptz not null default now(),
    updated_by      text        not null
);

-- Uploaded logos, by the hash of their bytes (part of their public URL, which emails already
-- sent keep pointing at: a logo is never changed, only replaced by another).
create table brand_logo (
    hash            text        primary key,
    content_type    text        not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    bytes           bytea       not null,
    created_at      timestamptz not null default now()
);

-- Who added or removed a suppression, when and why (the list itself keeps only the latest
-- reason, and a removed entry is gone).
create table suppression_change (
    id              bigint      generated always as identity primary key,
    address_hash    text        not null,
    action          text        not null check (action in ('ADD', 'REMOVE')),
    reason          text        not null,
    actor           text        not null,
    changed_at      timestamptz not null default now()
);

create index suppression_change_hash_idx on suppression_change (address_hash, changed_at);

-- The console's list of suppressions, newest first, a page at a time (keyset).
create index suppression_created_idx on suppression (created_at desc, address_hash desc);
