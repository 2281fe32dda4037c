-- A stored card is right from the last day before the one it was computed for on which anything it shows
-- changed by date alone, until the next such day: an offering of the unit starting or ending, the unit
-- opening or closing, a published revision taking effect. Null: no such day is known. Readers serve a card only before that day and compute
-- an expired one themselves, so no reader waits for the cards of a new day to be stored; a background job
-- stores them (DailyCardRefresh).
alter table contact_card add column valid_from date;
alter table contact_card add column valid_until date;
-- Cards stored before this were computed for one day: each is computed again, once, when first needed.
update contact_card set valid_until = date '1970-01-01';
