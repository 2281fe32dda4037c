-- A stored card is right from the last day before the one it was computed for on which anything it shows
-- changed by date alone, until the next such day: an offering of the unit starting or ending, the unit
-- opening or closing, a published revision taking effect. Null: no such day is known. Readers serve a card only before that day and compute
-- an expired one themselves, so no reader waits for the cards of a new day to be stored; a background job
-- stores them (DailyCardRefresh).
alter table contact_card add column valid_from date;
alter table contact_card add column valid_until date;
-- Cards stored before this were computed for one day: each is computed again, once, when first needed.
update contact_card set valid_until = date '1970-01-01';

-- A unit's card for the day its stored card expires, prepared the day before (DailyCardRefresh), so that at
-- midnight every replica switches to it from memory without computing anything. A write to the unit deletes
-- it, to be prepared again. Body null: the unit has no card that day.
create table contact_card_next (
    hsa_id       varchar(31) constraint contact_card_next_pk primary key
                 constraint contact_card_next_care_unit_fk references care_unit (hsa_id),
    body         text,
    content_hash varchar(64),
    valid_from   date        not null,
    valid_until  date
);

-- The cards falling due tomorrow, looked for every 30 s.
create index contact_card_valid_until_ix on contact_card (valid_until);
