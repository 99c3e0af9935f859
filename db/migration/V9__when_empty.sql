-- What a subscriber gets when nothing matched in a period: SKIP (no digest) or TRENDING (the
-- period's trending papers, labelled). Null: the service's default, paperboy.digest.when-empty.
alter table subscriber add column when_empty text check (when_empty in ('SKIP', 'TRENDING'));
