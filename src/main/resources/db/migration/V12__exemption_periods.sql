-- An exemption applies from a start date, so that granting one does not change the reports of the days
-- before it, and ending one keeps the period it was in force: a unit has periods of exemption from a
-- service, like its periods of offering it (one at a time, checked by the service under the unit's lock).
-- Exemptions written before this had no start; they start on the day they were written (in the service's
-- time zone, Europe/Stockholm by default), or the day before their end if that came first.
alter table exemption add column since date;
update exemption
set since = least((created_at at time zone 'Europe/Stockholm')::date, coalesce(until - 1, 'infinity'::date));
alter table exemption alter column since set not null;
alter table exemption add constraint exemption_period_ck check (until is null or until > since);
alter table exemption drop constraint exemption_uk;
-- Compliance reads, per unit, the exemptions in force on a date, from the index alone as for offerings.
create index exemption_unit_period_ix on exemption (care_unit_id, since) include (e_service_id, until);
