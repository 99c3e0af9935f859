-- The admin console's own aggregates, served through Spring Data JPA (the hot paths stay SQL).

-- People who sign in to the console. Passwords are hashed (Argon2 or BCrypt, the hash names
-- its algorithm); the TOTP secret exists once a user enrolled an authenticator.
create table console_user (
    id               bigint      generated always as identity primary key,
    username         text        not null,
    password_hash    text        not null,
    role             text        not null check (role in ('ADMIN', 'OPERATOR', 'VIEWER')),
    enabled          boolean     not null default true,
    totp_secret      text,
    -- the last 30-second step whose code signed this user in: a code is good once
    totp_last_step   bigint,
    created_at       timestamptz not null default now(),
    last_login_at    timestamptz,
    version          integer     not null default 0
);
-- one account per name, whatever its case
create unique index console_user_username_idx on console_user (lower(username));

-- Personal API tokens for /api/v1/admin/**: only a SHA-256 of the token is kept; the token
-- itself is shown once, when it is created. A revoked token is refused at once. A token
-- created with the bootstrap token has no owner.
create table api_token (
    id               bigint      generated always as identity primary key,
    name             text        not null,
    token_hash       bytea       not null,
    prefix           text        not null,
    role             text        not null check (role in ('ADMIN', 'OPERATOR', 'VIEWER')),
    owner_id         bigint      references console_user (id) on delete cascade,
    created_at       timestamptz not null default now(),
    last_used_at     timestamptz,
    revoked_at       timestamptz
);
-- looked up by hash on every API request
create unique index api_token_hash_idx on api_token (token_hash);

-- Every admin action and sign-in: who, what, when, from where, and how it ended.
create table audit_event (
    id               bigint      generated always as identity primary key,
    at               timestamptz not null default now(),
    actor            text        not null,
    action           text        not null,
    target           text,
    outcome          text        not null,
    remote_address   text
);
-- the log page: newest first, optionally one actor's
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_actor_at_idx on audit_event (actor, at desc);

-- A search a user saved on a console page (its query string), to open again.
create table saved_view (
    id               bigint      generated always as identity primary key,
    owner_id         bigint      not null references console_user (id) on delete cascade,
    page             text        not null,
    name             text        not null,
    query            text        not null,
    created_at       timestamptz not null default now()
);
create unique index saved_view_owner_page_name_idx on saved_view (owner_id, page, name);

-- Console-wide settings an admin changes at run time (for example whether every user must
-- have a second factor).
create table console_setting (
    name             text        primary key,
    value            text        not null,
    updated_at       timestamptz not null default now()
);
