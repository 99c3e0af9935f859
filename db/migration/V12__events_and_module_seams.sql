-- Modules hand subscriber changes on through events (subscription publishes, digest and
-- matching listen), kept durable by Spring Modulith's event publication registry: each
-- (event, listener) is a row written in the transaction of the change and completed when
-- the listener's own transaction commits; rows left incomplete by a crash are handed to
-- the listeners again at the next start. The schema is Spring Modulith 2.1's
-- schema-postgresql.sql (its own initialization stays off: Flyway owns the schema).
create table event_publication (
    id                      uuid        not null primary key,
    listener_id             text        not null,
    event_type              text        not null,
    serialized_event        text        not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Where spring.modulith.events.completion-mode=archive moves completed publications.
create table event_publication_archive (
    id                      uuid        not null primary key,
    listener_id             text        not null,
    event_type              text        not null,
    serialized_event        text        not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);

create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

-- Erasure reaches digest's and matching's rows through the SubscriberEvent.Erased event,
-- not through cascades from subscription's table: no module's table refers to another's.
-- (consent, liked_paper and feedback are subscription's own and keep their keys.)
alter table profile_embedding drop constraint profile_embedding_subscriber_id_fkey;
alter table digest_schedule drop constraint digest_schedule_subscriber_id_fkey;
alter table digest drop constraint digest_subscriber_id_fkey;

-- Only the polling of changed subscribers used it; events replaced the polling.
drop index subscriber_updated_idx;
