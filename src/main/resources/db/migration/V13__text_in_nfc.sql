-- Text written before the API normalised it may be in another Unicode form (NFD from macOS and some HSA
-- exports), where "Växjö" is not equal to "Växjö" and filters by municipality or administration miss units.
-- Stored text is brought to NFC, the form every write now stores; only rows that change are written.

-- Cards show names and addresses: if any of those change, every card is computed again at the next start,
-- as when the date moves on.
update contact_card_refresh set refreshed_for = null
where exists (select 1 from care_unit
              where name is not nfc normalized or municipality is not nfc normalized
                 or address is not nfc normalized or phone is not nfc normalized)
   or exists (select 1 from e_service where name is not nfc normalized);

update e_service set name = normalize(name, NFC) where name is not nfc normalized;
update e_service set name_en = normalize(name_en, NFC) where name_en is not nfc normalized;
update e_service set description = normalize(description, NFC) where description is not nfc normalized;
update care_unit set name = normalize(name, NFC) where name is not nfc normalized;
update care_unit set administration = normalize(administration, NFC) where administration is not nfc normalized;
update care_unit set municipality = normalize(municipality, NFC) where municipality is not nfc normalized;
update care_unit set address = normalize(address, NFC) where address is not nfc normalized;
update care_unit set phone = normalize(phone, NFC) where phone is not nfc normalized;
update baseline set name = normalize(name, NFC) where name is not nfc normalized;
update baseline set decision = normalize(decision, NFC) where decision is not nfc normalized;
update exemption set reason = normalize(reason, NFC) where reason is not nfc normalized;
