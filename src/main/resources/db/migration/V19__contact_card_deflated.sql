-- Each card's JSON deflated, as every replica holds it in memory: a card read from the table is served
-- without being compressed again, and without its JSON (kept for the feed) being read out of TOAST and
-- decompressed. Cards stored before this are deflated by the daily check (DailyCardRefresh).
alter table contact_card add column body_deflated bytea;
alter table contact_card_next add column body_deflated bytea;
create index contact_card_undeflated_ix on contact_card (hsa_id) where body_deflated is null and body is not null;
