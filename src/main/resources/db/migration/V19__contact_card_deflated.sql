-- Each card's JSON deflated, as every replica holds it in memory: a card read from the table is served
-- without being compressed again, and without its JSON (kept for the feed) being read out of TOAST and
-- decompressed. Cards stored before this are deflated by the daily check (DailyCardRefresh).
alter table contact_card add column body_deflated bytea;
alter table contact_card_next add column body_deflated bytea;
create index contact_card_undeflated_ix on contact_card (hsa_id) where body_deflated is null and body is not null;
-- A replica still running the code from before this migration (during a rolling update, or after a rollback)
-- writes a card's JSON without its deflated bytes: they are then forgotten, so the card is deflated from its
-- JSON when read (and by the daily check), never served from the bytes of the card it replaced. Only
-- statements that set the JSON are looked at, and only a JSON that changed is compared.
create function forget_stale_deflated_card() returns trigger language plpgsql as $$
begin
    if new.body_deflated is not distinct from old.body_deflated and new.body is distinct from old.body then
        new.body_deflated := null;
    end if;
    return new;
end
$$;
create trigger contact_card_forget_stale_deflated before update of body on contact_card
    for each row execute function forget_stale_deflated_card();
create trigger contact_card_next_forget_stale_deflated before update of body on contact_card_next
    for each row execute function forget_stale_deflated_card();
