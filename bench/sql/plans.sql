-- The query plans behind the hot paths, as the service issues the statements (bench.py runs this after
-- the measurements and keeps the output next to the figures). Dates are today in Europe/Stockholm.
set timezone = 'Europe/Stockholm';
set jit = off;

\echo '== The full compliance report: every open unit with the e-services it offers and is exempted from (UnitsOnDate.forEachOpenUnit)'
explain (analyze, buffers, costs off)
select u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality,
       array(select o.e_service_id from offering o
             where o.care_unit_id = u.id and o.since <= current_date
               and (o.until is null or o.until > current_date)) as offered,
       array(select x.e_service_id from exemption x
             where x.care_unit_id = u.id and x.status = 'APPROVED' and x.since <= current_date
               and (x.until is null or x.until > current_date)) as exempted
from care_unit u
where (u.opened_on is null or u.opened_on <= current_date) and (u.closed_on is null or u.closed_on > current_date)
order by u.hsa_id;

\echo '== One unit'"'"'s compliance: the same statement for one HSA-id'
explain (analyze, buffers, costs off)
select u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality,
       array(select o.e_service_id from offering o
             where o.care_unit_id = u.id and o.since <= current_date
               and (o.until is null or o.until > current_date)) as offered,
       array(select x.e_service_id from exemption x
             where x.care_unit_id = u.id and x.status = 'APPROVED' and x.since <= current_date
               and (x.until is null or x.until > current_date)) as exempted
from care_unit u
where (u.opened_on is null or u.opened_on <= current_date) and (u.closed_on is null or u.closed_on > current_date)
  and u.hsa_id = (select min(hsa_id) from care_unit)
order by u.hsa_id;

\echo '== The trend: every unit open in the 36 months with its periods as arrays, read once (UnitsOnDate.forEachUnitDuring)'
explain (analyze, buffers, costs off)
select u.unit_type,
       coalesce(u.opened_on - date '1970-01-01', -2147483648), coalesce(u.closed_on - date '1970-01-01', 2147483647),
       o.services, o.since, o.until, x.services, x.since, x.until
from care_unit u
left join lateral (
    select array_agg(o.e_service_id) as services, array_agg(o.since - date '1970-01-01') as since,
           array_agg(coalesce(o.until - date '1970-01-01', 2147483647)) as until
    from offering o where o.care_unit_id = u.id
      and o.since <= current_date and (o.until is null or o.until > current_date - 1095)) o on true
left join lateral (
    select array_agg(x.e_service_id) as services, array_agg(x.since - date '1970-01-01') as since,
           array_agg(coalesce(x.until - date '1970-01-01', 2147483647)) as until
    from exemption x where x.care_unit_id = u.id and x.status = 'APPROVED'
      and x.since <= current_date and (x.until is null or x.until > current_date - 1095)) x on true
where (u.opened_on is null or u.opened_on <= current_date) and (u.closed_on is null or u.closed_on > current_date - 1095)
order by u.hsa_id;

\echo '== A contact card that is not in a replica'"'"'s memory (ContactCardStore.find)'
explain (analyze, buffers, costs off)
select body, content_hash from contact_card where hsa_id = (select min(hsa_id) from contact_card) and not removed;

\echo '== A page of the sync feed (ContactCardStore.changesAfter)'
explain (analyze, buffers, costs off)
select c.hsa_id, c.body, c.removed, c.change_xid::text as position_xid from contact_card c
where (c.change_xid, c.hsa_id) > (cast('0' as xid8), '')
  and c.change_xid < pg_snapshot_xmin(pg_current_snapshot())
  and (not c.removed or c.change_xid >= cast('0' as xid8))
order by c.change_xid, c.hsa_id
limit 501;
