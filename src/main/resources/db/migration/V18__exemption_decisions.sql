-- Exemptions are management's decision: a unit editor asks (REQUESTED), an administrator approves or rejects;
-- only approved exemptions count in compliance, coverage and contact cards. Every exemption written before
-- this was granted by whoever wrote it; they become APPROVED with the reason code DECIDED (a decided
-- exception), decided when they were last changed.
alter table exemption
    add column status        varchar(16)   not null default 'APPROVED',
    add column reason_code   varchar(16)   not null default 'DECIDED',
    add column requested_by  varchar(200),
    add column decided_by    varchar(200),
    add column decided_at    timestamptz,
    add column decision_note varchar(2000);
update exemption set decided_at = updated_at;
-- From now on every write says what it is.
alter table exemption alter column status drop default;
alter table exemption alter column reason_code drop default;
alter table exemption add constraint exemption_status_ck check (status in ('REQUESTED', 'APPROVED', 'REJECTED'));
alter table exemption add constraint exemption_reason_code_ck
    check (reason_code in ('NOT_APPLICABLE', 'TECHNICAL', 'TEMPORARY', 'DECIDED'));
alter table exemption add constraint exemption_decided_ck
    check ((status = 'REQUESTED') = (decided_at is null));

-- The reads of units on a date still come from the index alone: it now carries the status too.
drop index exemption_unit_period_ix;
create index exemption_unit_period_ix on exemption (care_unit_id, since) include (e_service_id, until, status);
-- The administrators' queue: requests to decide.
create index exemption_requested_ix on exemption (created_at) where status = 'REQUESTED';
