-- The hash of everything a stored card was made from (UnitsOnDate.CARD_UNITS: the unit's fields, the revision
-- in force, the services offered, the card's format). When every card falls due at once (a bulk load), a card
-- whose unit still hashes the same is kept as it is, told by one statement per batch, instead of being made
-- again from every service row. Null: not known; the card is made again when due, and the daily check
-- (DailyCardRefresh) gives cards stored before this their hash.
alter table contact_card add column inputs_hash varchar(64);
alter table contact_card_next add column inputs_hash varchar(64);
create index contact_card_unhashed_ix on contact_card (hsa_id) where inputs_hash is null and not removed;
-- A replica still running the code from before this migration (during a rolling update, or after a rollback)
-- changes a card's content without its hash: the hash is then forgotten, so that it never vouches for a card
-- made from other data. Only statements that set the content hash are looked at.
create function forget_stale_inputs_hash() returns trigger language plpgsql as $$
begin
    if new.inputs_hash is not distinct from old.inputs_hash and new.content_hash is distinct from old.content_hash then
        new.inputs_hash := null;
    end if;
    return new;
end
$$;
create trigger contact_card_forget_stale_inputs_hash before update of content_hash on contact_card
    for each row execute function forget_stale_inputs_hash();
create trigger contact_card_next_forget_stale_inputs_hash before update of content_hash on contact_card_next
    for each row execute function forget_stale_inputs_hash();
