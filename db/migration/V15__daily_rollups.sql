-- The console's daily figures come from one small rollup table per owning module, not from
-- scans of the big tables per page view. Each module's job re-aggregates only the recent
-- days (today and yesterday, UTC) through the range indexes below, under a PostgreSQL
-- advisory lock so two instances do not do it at once; older days stay as they were counted.

-- subscription: who confirmed and who unsubscribed on each day, the subscribers (active or
-- paused) at the end of it, and the "more / less like this" votes given on it.
create index subscriber_confirmed_idx on subscriber (confirmed_at);
create index subscriber_unsubscribed_idx on subscriber (unsubscribed_at);
create index feedback_created_idx on feedback (created_at);

create table subscriber_daily (
    day             date        primary key,
    confirmed       integer     not null default 0,
    unsubscribed    integer     not null default 0,
    -- confirmed and not unsubscribed (ACTIVE or PAUSED) at the end of the day
    subscribed      bigint      not null default 0,
    more_like_this  integer     not null default 0,
    less_like_this  integer     not null default 0,
    counted_at      timestamptz not null default now()
);

-- Subscribers per state, counted by the same job (a GROUP BY over a million rows is too slow
-- for every page view, fine once a minute).
create table subscriber_state_count (
    status       text        primary key,
    subscribers  bigint      not null,
    counted_at   timestamptz not null default now()
);

insert into subscriber_state_count (status, subscribers)
select s.status, count(x.id)
from unnest(array['PENDING', 'ACTIVE', 'PAUSED', 'UNSUBSCRIBED']) as s(status)
left join subscriber x on x.status = s.status
group by s.status;

insert into subscriber_daily (day, confirmed, unsubscribed, more_like_this, less_like_this)
select day, sum(confirmed), sum(unsubscribed), sum(more), sum(less)
from (
    select (confirmed_at at time zone 'UTC')::date as day, 1 as confirmed, 0 as unsubscribed, 0 as more, 0 as less
    from subscriber where confirmed_at is not null
    union all
    select (unsubscribed_at at time zone 'UTC')::date, 0, 1, 0, 0
    from subscriber where unsubscribed_at is not null and confirmed_at is not null
    union all
    select (created_at at time zone 'UTC')::date, 0, 0, case when vote > 0 then 1 else 0 end,
           case when vote < 0 then 1 else 0 end
    from feedback
) events
group by day;

-- subscribed at the end of a day = everything confirmed minus everything unsubscribed up to it
update subscriber_daily d set subscribed = running.subscribed
from (select day, sum(confirmed - unsubscribed) over (order by day) as subscribed from subscriber_daily) running
where running.day = d.day;

-- digest: the digests composed on each day (created_at, UTC) by where they are now. A BRIN
-- index keeps the range scan without adding a B-tree entry to every status change of the
-- outbox (digest rows are written in created_at order, so page ranges stay narrow).
create index digest_created_brin on digest using brin (created_at) with (pages_per_range = 16, autosummarize = on);

create table digest_daily (
    day         date        primary key,
    composed    integer     not null default 0,
    sent        integer     not null default 0,
    failed      integer     not null default 0,
    skipped     integer     not null default 0,
    suppressed  integer     not null default 0,
    -- still QUEUED, SENDING or RETRY
    waiting     integer     not null default 0,
    counted_at  timestamptz not null default now()
);

insert into digest_daily (day, composed, sent, failed, skipped, suppressed, waiting)
select (created_at at time zone 'UTC')::date, count(*),
       count(*) filter (where status = 'SENT'), count(*) filter (where status = 'FAILED'),
       count(*) filter (where status = 'SKIPPED'), count(*) filter (where status = 'SUPPRESSED'),
       count(*) filter (where status in ('QUEUED', 'SENDING', 'RETRY'))
from digest
group by 1;

-- delivery: bounces and complaints received on each day (bounce_event_received_idx).
create table bounce_daily (
    day         date        primary key,
    hard        integer     not null default 0,
    soft        integer     not null default 0,
    complaints  integer     not null default 0,
    counted_at  timestamptz not null default now()
);

insert into bounce_daily (day, hard, soft, complaints)
select (received_at at time zone 'UTC')::date, count(*) filter (where kind = 'HARD'),
       count(*) filter (where kind = 'SOFT'), count(*) filter (where kind = 'COMPLAINT')
from bounce_event
group by 1;
