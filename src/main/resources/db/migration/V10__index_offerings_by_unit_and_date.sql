-- Compliance and contact cards read, per unit, the offerings in force on a date. With the e-service and
-- the end of the period in the index, PostgreSQL answers from the index alone (an index-only scan),
-- without visiting the table: the full report over 50,000 units reads a third of the pages (bench/).
create index offering_unit_period_ix on offering (care_unit_id, since) include (e_service_id, until);
drop index offering_unit_service_ix;
