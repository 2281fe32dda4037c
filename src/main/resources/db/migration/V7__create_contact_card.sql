-- Contact cards as served: computed when something they show changes, so that a read is one row.
create table contact_card (
    hsa_id       varchar(31) constraint contact_card_pk primary key
                 constraint contact_card_care_unit_fk references care_unit (hsa_id),
    body         text,
    content_hash varchar(64),
    removed      boolean     not null,
    updated_at   timestamptz not null,
    -- The transaction that last changed the card. The sync feed walks cards in (change_xid, hsa_id)
    -- order and only below the oldest running transaction, so a late commit is never skipped.
    change_xid   xid8        not null,
    constraint contact_card_body_ck check (removed or (body is not null and content_hash is not null))
);

create index contact_card_change_ix on contact_card (change_xid, hsa_id);

-- The date the stored cards were computed for; when "today" moves on, every card is recomputed once,
-- because offerings, closures and basutbud revisions take effect by date.
create table contact_card_refresh (
    singleton      boolean constraint contact_card_refresh_pk primary key default true,
    refreshed_for  date,
    constraint contact_card_refresh_singleton_ck check (singleton)
);

insert into contact_card_refresh (singleton, refreshed_for) values (true, null);
