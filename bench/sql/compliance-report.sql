-- The full compliance report (today, the published revision in force) in one hand-written statement:
-- the database's floor that the service's report is measured against. Same rule as the v1 contract:
-- required = applicable requirements minus approved exemptions in force; score = offered / required, 1 when
-- nothing is required. The test suite checks that it agrees with the service on every unit.
-- Joins rather than a subquery per unit and requirement (4 s at L), and JIT off as the service's sessions
-- have it (PostgreSQL spends longer compiling this than running it).
set timezone = 'Europe/Stockholm';
set jit = off;
with revision as (
    select id from baseline where status = 'PUBLISHED' and valid_from <= current_date order by valid_from desc limit 1
), units as (
    select u.id, u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality
    from care_unit u
    where (u.opened_on is null or u.opened_on <= current_date) and (u.closed_on is null or u.closed_on > current_date)
), judged as (
    select u.id as unit_id, s.code, x.care_unit_id is not null as exempted, o.care_unit_id is not null as offered
    from units u
    join baseline_requirement r on r.baseline_id = (select id from revision)
         and (cardinality(r.unit_types) = 0 or u.unit_type = any (r.unit_types))
    join e_service s on s.id = r.e_service_id
    left join exemption x on x.care_unit_id = u.id and x.e_service_id = r.e_service_id and x.status = 'APPROVED'
         and x.since <= current_date and (x.until is null or x.until > current_date)
    left join offering o on o.care_unit_id = u.id and o.e_service_id = r.e_service_id
         and o.since <= current_date and (o.until is null or o.until > current_date)
), per_unit as (
    select unit_id,
           count(*) filter (where not exempted) as required,
           count(*) filter (where not exempted and offered) as offered,
           string_agg(code, ';' order by code) filter (where not exempted and not offered) as missing,
           string_agg(code, ';' order by code) filter (where exempted) as exempted
    from judged group by unit_id
)
select u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality,
       coalesce(p.required, 0) as required, coalesce(p.offered, 0) as offered,
       coalesce(p.missing, '') as missing, coalesce(p.exempted, '') as exempted,
       round(case when coalesce(p.required, 0) = 0 then 1 else p.offered::numeric / p.required end, 4) as score,
       case when coalesce(p.required, 0) = 0 or p.offered = p.required then 'COMPLIANT'
            when p.offered = 0 then 'NON_COMPLIANT' else 'PARTIAL' end as status
from units u left join per_unit p on p.unit_id = u.id
order by u.hsa_id;
