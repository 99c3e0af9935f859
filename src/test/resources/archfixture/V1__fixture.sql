create table shelf_book (id bigint primary key, title text not null);
create table loan (book_id bigint not null references shelf_book (id), returned boolean not null default false);
create table loan_audit (book_id bigint not null, note text);
create table loan_draft (id bigint);
drop table loan_draft;
