-- Answers leave out optional fields without a value instead of sending null (the contract's rule since
-- 1.1). Stored cards were written with nulls; forgetting the date they were computed for makes the
-- service compute every card again, in the new form, before it serves one.
update contact_card_refresh set refreshed_for = null;
