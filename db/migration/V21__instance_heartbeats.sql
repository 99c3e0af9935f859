-- Every running instance of the service beats here every few seconds, and says until when
-- it counts as alive (expires_at, from its own beat interval). The leases an instance holds
-- name it, so that when it stops beating (a kill -9, a lost machine) any live instance gives
-- its leases back at once instead of waiting for them to run out.
create table instance (
    id          uuid        primary key,
    started_at  timestamptz not null,
    beat_at     timestamptz not null,
    expires_at  timestamptz not null,
    -- where it runs: an instance restarted on the same machine after a kill -9 knows the
    -- previous one is dead when its process is gone, without waiting for expires_at
    host        text        not null,
    pid         bigint      not null
);

-- Who holds a row's lease; meaningful only while the row is SENDING (or RUNNING), and not
-- cleared afterwards, to keep the writes of the hot path as they were. The partial lease
-- indexes (status = 'SENDING') find a dead instance's rows: few rows are SENDING at a time.
alter table digest add column leased_by uuid;
alter table mail_message add column leased_by uuid;
-- Which instance runs a fetch run; runs left RUNNING by a dead one are marked FAILED.
alter table fetch_run add column instance_id uuid;
create index fetch_run_running_idx on fetch_run (instance_id) where status = 'RUNNING';
