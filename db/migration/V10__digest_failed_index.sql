-- digest_status_idx (status, created_at) took a new entry on every change of a digest's
-- status: composed, claimed, sent, three entries per digest for an index that only the
-- operations API's "failed" listing and retry used (the outbox has its own partial indexes).
-- A partial index holds just the failed digests.
drop index digest_status_idx;

create index digest_failed_idx on digest (id) where status = 'FAILED';
