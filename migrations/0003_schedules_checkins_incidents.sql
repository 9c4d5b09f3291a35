-- Scheduled contacts (the next due instance of each expected contact), check-ins from staff,
-- telecare and phone, idempotency keys, telecare senders and events, and the no-response
-- incident as the engine opens it (issue 4). The incident workflow adds its columns in 0004.

-- One row per instance, created as time moves: the schedule keeps only its NEXT due instance
-- (at most one 'due' row per person and contact key); decided rows stay as history.
create table scheduled_contacts (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  -- The protocol version whose expected contact produced this instance.
  protocol_version_id uuid not null references protocol_versions(id),
  contact_key text not null,
  kind text not null check (kind in ('visit', 'welfare_check', 'phone_check', 'telecare_checkin', 'sleep_in_check')),
  -- Europe/London local date and time the contact was planned for (as written in the protocol).
  local_date date not null,
  local_time text not null,
  due_at timestamptz not null,
  -- A response counts from opens_at until window_closes_at (src/domain/time/recurrence.ts).
  opens_at timestamptz not null,
  window_closes_at timestamptz not null,
  carries_medication boolean not null default false,
  status text not null default 'due' check (status in ('due', 'responded', 'missed', 'suspended', 'cancelled')),
  -- Why it was suspended (the known absence, in words) or cancelled (protocol changed).
  suspended_reason text,
  absence_id uuid references known_absences(id),
  check_in_id uuid,
  incident_id uuid,
  decided_at timestamptz,
  created_at timestamptz not null,
  check (window_closes_at > due_at and opens_at <= due_at),
  check (status <> 'suspended' or suspended_reason is not null)
);
create unique index scheduled_contacts_instance on scheduled_contacts (person_id, contact_key, due_at) where status <> 'cancelled';
create unique index scheduled_contacts_one_due on scheduled_contacts (person_id, contact_key) where status = 'due';
-- The engine's claim: due windows by closing time (most overdue first).
create index scheduled_contacts_due_windows on scheduled_contacts (window_closes_at) where status = 'due';
create index scheduled_contacts_org_due_at on scheduled_contacts (org_id, due_at);
create index scheduled_contacts_person on scheduled_contacts (person_id, due_at desc);

-- People whose schedule must follow a new protocol version: filled by a trigger on
-- protocol_versions (so whoever writes a version need not know about schedules), drained by
-- the engine's schedule-sync module.
create table schedule_sync_queue (
  person_id uuid primary key references people(id),
  org_id uuid not null references organisations(id),
  queued_at timestamptz not null default now()
);
create function queue_schedule_sync() returns trigger language plpgsql as $$
begin
  insert into schedule_sync_queue (person_id, org_id) values (new.person_id, new.org_id)
    on conflict (person_id) do update set queued_at = excluded.queued_at;
  return null;
end $$;
create trigger protocol_versions_queue_sync after insert on protocol_versions for each row execute function queue_schedule_sync();
insert into schedule_sync_queue (person_id, org_id) select distinct person_id, org_id from protocol_versions on conflict do nothing;

create table incidents (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  service_id uuid not null references services(id),
  -- Pinned at opening (CONVENTIONS "Data and records"); null only if the person had no protocol yet.
  protocol_version_id uuid references protocol_versions(id),
  kind text not null check (kind in ('no_response', 'technology_failure')),
  source text not null check (source in ('missed_window', 'concern_checkin', 'telecare', 'staff_at_door', 'emergency')),
  -- The missed instance that opened it: one missed contact can never open two incidents.
  scheduled_contact_id uuid references scheduled_contacts(id),
  check_in_id uuid,
  telecare_event_id uuid,
  assistive_device_id uuid references assistive_devices(id),
  stage int not null check (stage between 1 and 5),
  -- Why it started beyond stage 1, e.g. 'medication_critical' (no-response policy §6).
  stage_reason text,
  status text not null default 'open' check (status in ('open', 'closed')),
  -- Marked for immediate escalation: a medication-carrying contact of a medication-critical person.
  is_medication_critical boolean not null default false,
  opened_at timestamptz not null,
  -- How late the engine noticed after the window closed (catch-up after downtime shows here).
  noticed_late_ms int not null default 0,
  stage_deadline_at timestamptz,
  version int not null default 1
);
create unique index incidents_one_per_missed_contact on incidents (scheduled_contact_id) where scheduled_contact_id is not null;
create index incidents_open_deadline on incidents (stage_deadline_at) where status = 'open';
create index incidents_person on incidents (org_id, person_id, opened_at desc);

create table check_ins (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  source text not null check (source in ('staff', 'telecare', 'phone_call')),
  outcome text not null check (outcome in ('responded', 'responded_with_concern')),
  -- Required for 'responded_with_concern' (the policy §1 delayed or inconsistent response).
  concern text,
  note text not null default '',
  occurred_at timestamptz not null,
  recorded_at timestamptz not null,
  recorded_by uuid references staff(id),
  scheduled_contact_id uuid references scheduled_contacts(id),
  -- Set when the check-in arrived after an incident opened (recorded on it) or opened one.
  incident_id uuid references incidents(id),
  is_late boolean not null default false,
  telecare_event_id uuid,
  check (outcome <> 'responded_with_concern' or concern is not null)
);
create index check_ins_person on check_ins (org_id, person_id, occurred_at desc);

-- Idempotency-Key: the first answer to a key is stored with the change, in its transaction.
create table idempotency_keys (
  org_id uuid not null references organisations(id),
  key text not null,
  request_hash text not null,
  response jsonb not null,
  status int not null,
  created_at timestamptz not null,
  primary key (org_id, key)
);

-- A monitoring centre (or a single device) that signs telecare events. The secret is needed
-- in clear to check HMAC signatures; it is never logged or returned after creation.
create table telecare_senders (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  name text not null,
  secret text not null,
  created_at timestamptz not null,
  revoked_at timestamptz
);

create table telecare_events (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  sender_id uuid not null references telecare_senders(id),
  -- The sender's own id for the event: a redelivery is answered with the first answer.
  external_event_id text not null,
  assistive_device_id uuid not null references assistive_devices(id),
  person_id uuid not null references people(id),
  kind text not null check (kind in ('check_in', 'inactivity_alert', 'missed_check_in', 'fall', 'pendant_press',
    'device_offline', 'device_fault', 'low_battery')),
  occurred_at timestamptz not null,
  received_at timestamptz not null,
  detail text not null default '',
  response jsonb not null,
  unique (sender_id, external_event_id)
);
create index telecare_events_person on telecare_events (org_id, person_id, received_at desc);

-- One watchdog alert per incident state that lacks a future deadline (not one per cycle).
create table watchdog_alerts (
  incident_id uuid not null references incidents(id),
  incident_version int not null,
  raised_at timestamptz not null,
  primary key (incident_id, incident_version)
);

-- Wake the engine at once when something it schedules from changes (statement-level, so a
-- bulk insert sends one notification; PostgreSQL folds duplicates within a transaction).
create function notify_engine() returns trigger language plpgsql as $$
begin
  perform pg_notify('wellcheck_engine', tg_table_name);
  return null;
end $$;
create trigger scheduled_contacts_wake after insert on scheduled_contacts for each statement execute function notify_engine();
create trigger incidents_wake after insert or update on incidents for each statement execute function notify_engine();
create trigger protocol_versions_wake after insert on protocol_versions for each statement execute function notify_engine();
create trigger known_absences_wake after insert or update on known_absences for each statement execute function notify_engine();
