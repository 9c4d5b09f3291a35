-- The no-response incident workflow (no-response policy §20.1, §20.4, §20.5, §12, §14):
-- closure and acknowledgement on the incident, the evidence of each stage, escalation alerts,
-- the notification outbox, the live feed, the on-call rota and the senior review queue.

alter table incidents add column opened_by uuid references staff(id);
-- The highest stage for which the on-call chain has been alerted (medication-critical incidents
-- open at stage 3 with 0 here, and the escalation module alerts at once).
alter table incidents add column alerted_stage int not null default 0;
alter table incidents add column acknowledged_at timestamptz;
alter table incidents add column acknowledged_by uuid references staff(id);
alter table incidents add column emergency_at timestamptz;
alter table incidents add column emergency_by uuid references staff(id);
alter table incidents add column closed_at timestamptz;
alter table incidents add column closed_by uuid references staff(id);
alter table incidents add column outcome text check (outcome in ('safe_and_well', 'unwell_medical_help', 'emergency_services',
  'not_at_home_whereabouts_confirmed', 'missing_reported_to_police', 'died', 'became_refusal'));
alter table incidents add column outcome_rationale text;
alter table incidents add column whereabouts_confirmed_by text;
alter table incidents add column review_status text not null default 'not_due' check (review_status in ('not_due', 'awaiting', 'done'));
alter table incidents add column reviewed_at timestamptz;
alter table incidents add column reviewed_by uuid references staff(id);
create index incidents_org_open on incidents (org_id, status, stage_deadline_at);

-- Stage 1: the observation checklist (observational only; no forced entry).
create table incident_observations (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  items jsonb not null,
  note text not null default '',
  recorded_by uuid references staff(id),
  recorded_at timestamptz not null
);
create index incident_observations_incident on incident_observations (incident_id, recorded_at);

-- Stage 2: each direct contact attempt.
create table incident_contact_attempts (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  method text not null,
  target text not null default '',
  outcome text not null check (outcome in ('no_answer', 'voicemail', 'engaged', 'reached', 'failed')),
  note text not null default '',
  recorded_by uuid references staff(id),
  attempted_at timestamptz not null
);
create index incident_contact_attempts_incident on incident_contact_attempts (incident_id, attempted_at);

-- Stage 4: every disclosure to someone outside the service, with its basis and reason (§14).
create table incident_wider_contacts (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  contact_id uuid references person_contacts(id),
  party_name text not null,
  relationship text not null default '',
  stage int not null,
  basis text not null check (basis in ('consent_and_stage', 'significant_immediate_risk')),
  risk_reason text,
  information_shared text not null,
  outcome text not null default '',
  recorded_by uuid references staff(id),
  recorded_at timestamptz not null,
  check (basis = 'consent_and_stage' or risk_reason is not null)
);
create index incident_wider_contacts_incident on incident_wider_contacts (incident_id, recorded_at);

-- Stage 5: referrals to statutory and emergency services, with their reference numbers.
create table incident_external_escalations (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  agency text not null check (agency in ('adult_social_care', 'emergency_duty_team', 'police', 'ambulance', 'fire', 'other')),
  reference text,
  note text not null default '',
  recorded_by uuid references staff(id),
  recorded_at timestamptz not null
);
create index incident_external_escalations_incident on incident_external_escalations (incident_id, recorded_at);

-- Every decision taken by a person on an incident. Out of hours (§12) it is queued for senior
-- review on the next working day (review_due_on) until someone reviews it.
create table incident_decisions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  kind text not null,
  summary text not null,
  rationale text not null default '',
  decided_by uuid references staff(id),
  decided_at timestamptz not null,
  is_out_of_hours boolean not null,
  review_due_on date,
  reviewed_at timestamptz,
  reviewed_by uuid references staff(id),
  review_note text
);
create index incident_decisions_incident on incident_decisions (incident_id, decided_at);
create index incident_decisions_review_due on incident_decisions (org_id, review_due_on) where review_due_on is not null and reviewed_at is null;

-- Escalation alerts: to the on-call chain, repeating until acknowledged.
create table incident_alerts (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  stage int not null,
  reason text not null check (reason in ('stage_deadline', 'internal_escalation', 'emergency', 'no_one_on_call')),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'cancelled')),
  position int not null default 0,
  repeats int not null default 0,
  current_staff_id uuid references staff(id),
  next_step_at timestamptz,
  raised_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by uuid references staff(id)
);
create index incident_alerts_incident on incident_alerts (incident_id, raised_at);
create index incident_alerts_due on incident_alerts (next_step_at) where status = 'open';

-- The notification outbox: pending → sending (leased) → sent | failed; retried; never silently lost.
create table notifications (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid references incidents(id),
  alert_id uuid references incident_alerts(id),
  channel text not null check (channel in ('in_app', 'email', 'sms')),
  recipient_staff_id uuid references staff(id),
  address text not null default '',
  subject text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts int not null default 0,
  max_attempts int not null default 5,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  last_error text,
  sent_at timestamptz,
  cancelled_reason text,
  created_at timestamptz not null
);
create index notifications_pending on notifications (next_attempt_at) where status = 'pending';
create index notifications_leased on notifications (lease_until) where status = 'sending';
create index notifications_incident on notifications (incident_id, created_at);

-- The live feed behind server-sent events: an ordered cursor for Last-Event-ID. Payloads name
-- ids only (no personal data); screens refetch through the API with their own permissions.
create table live_messages (
  id bigserial primary key,
  org_id uuid not null references organisations(id),
  recipient_staff_id uuid references staff(id),
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null
);
create index live_messages_org on live_messages (org_id, id);

-- The on-call rota: shifts per service (null = every service), by level in the chain.
create table oncall_shifts (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  service_id uuid references services(id),
  staff_id uuid not null references staff(id),
  level int not null default 1 check (level between 1 and 5),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  note text not null default '',
  created_by uuid references staff(id),
  created_at timestamptz not null,
  removed_at timestamptz,
  check (ends_at > starts_at)
);
create index oncall_shifts_org_time on oncall_shifts (org_id, starts_at, ends_at) where removed_at is null;

-- Cover and swaps: someone stands in for a rostered person (or, with no original, in front of the rota).
create table oncall_overrides (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  service_id uuid references services(id),
  original_staff_id uuid references staff(id),
  replacement_staff_id uuid not null references staff(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  reason text not null,
  created_by uuid references staff(id),
  created_at timestamptz not null,
  removed_at timestamptz,
  check (ends_at > starts_at)
);
create index oncall_overrides_org_time on oncall_overrides (org_id, starts_at, ends_at) where removed_at is null;

-- Handover notes between on-call shifts, with the incidents open at the time.
create table oncall_handovers (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  from_staff_id uuid references staff(id),
  to_staff_id uuid not null references staff(id),
  notes text not null,
  open_incident_ids jsonb not null default '[]',
  at timestamptz not null
);

-- Management review after closure (§20.5).
create table incident_reviews (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null unique references incidents(id),
  protocol_review_needed boolean not null,
  protocol_review_reason text not null,
  safeguarding_raised boolean not null,
  safeguarding_reason text not null,
  safeguarding_concern_id uuid,
  learning text not null,
  reviewed_by uuid references staff(id),
  reviewed_at timestamptz not null
);
