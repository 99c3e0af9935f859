-- Every row of digest_paper checked three foreign keys, each a look-up and a row lock on
-- the referenced row: a quarter of the database's work of composing a digest. Two of them
-- go. The subscriber's is implied by the digest's (digest_paper -> digest -> subscriber,
-- deletes cascading both ways). The paper's guarded against a paper deleted from under
-- its digests, which nothing does; a digest whose paper is gone renders without it.
alter table digest_paper
    drop constraint digest_paper_subscriber_id_fkey,
    drop constraint digest_paper_paper_id_fkey;
