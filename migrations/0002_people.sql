-- People supported, their contacts, assistive technology, known absences and their
-- versioned No Response Protocols (no-response policy §10, §11, §14, §20.1), plus review flags.

create table people (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  -- The person's service decides which staff see them (non-organisation-wide roles).
  service_id uuid not null references services(id),
  -- The provider's own reference (e.g. from a spreadsheet): the natural key for re-imports.
  external_ref text,
  given_name text not null,
  family_name text not null,
  preferred_name text,
  date_of_birth date,
  nhs_number text,
  address text not null default '',
  postcode text,
  -- Any of: scheduled_visits, welfare_checks, sleep_in, waking_night, outreach, on_call.
  support_types text[] not null default '{}',
  -- Any of: sensory, neurodivergence, language, other; with the adjustments in words.
  communication_categories text[] not null default '{}',
  communication_needs text not null default '',
  health_conditions text not null default '',
  is_medication_critical boolean not null default false,
  -- What is time-critical (e.g. "insulin with breakfast at 08:00"); required when critical.
  medication_critical_detail text,
  falls_risk text not null default 'unknown' check (falls_risk in ('unknown', 'low', 'medium', 'high')),
  self_neglect_risk text not null default 'unknown' check (self_neglect_risk in ('unknown', 'low', 'medium', 'high')),
  has_history_of_disengagement boolean not null default false,
  disengagement_note text not null default '',
  cultural_routines text not null default '',
  gp text not null default '',
  care_coordinator_id uuid references staff(id),
  housing_provider text not null default '',
  -- Who holds keys and how to reach them. Never a key-safe code (refused by validation).
  access_arrangements text not null default '',
  version int not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index people_org_service on people (org_id, service_id);
create index people_org_family_name on people (org_id, lower(family_name));
create unique index people_org_nhs_number on people (org_id, nhs_number) where nhs_number is not null;
create unique index people_org_external_ref on people (org_id, external_ref) where external_ref is not null;

create table person_contacts (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  kind text not null check (kind in ('family', 'advocate', 'neighbour', 'key_holder', 'attorney_health_welfare',
    'attorney_property_affairs', 'deputy', 'other')),
  name text not null,
  relationship text not null default '',
  phone text,
  email text,
  -- Order in which contacts are tried (1 first).
  rank int not null check (rank between 1 and 99),
  -- Whether the person consents to this contact being contacted (no-response policy §14).
  has_consent boolean not null,
  -- The escalation stage (§20.1, 1–5) from which this contact may be contacted.
  contactable_from_stage int not null check (contactable_from_stage between 1 and 5),
  notes text not null default '',
  version int not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- Removed contacts are kept so that past incidents and events still resolve.
  removed_at timestamptz
);
create index person_contacts_person on person_contacts (person_id, rank);

create table assistive_devices (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  kind text not null check (kind in ('pendant_alarm', 'inactivity_sensor', 'door_sensor', 'checkin_device', 'phone_app', 'other')),
  purpose text not null,
  limitations text not null default '',
  monitored_by text not null default '',
  -- What the device's silence or failure means for this person (no-response policy §11).
  failure_meaning text not null default '',
  -- The device's id in the telecare feed; check-ins from the feed name it.
  external_device_id text,
  version int not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  removed_at timestamptz
);
create index assistive_devices_person on assistive_devices (person_id);
create unique index assistive_devices_org_external on assistive_devices (org_id, external_device_id)
  where external_device_id is not null;

create table protocol_versions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  version int not null check (version >= 1),
  -- Validated by protocolContent (src/domain/protocol/content.ts) before it is written.
  content jsonb not null,
  reason text not null,
  created_by uuid references staff(id),
  created_at timestamptz not null,
  unique (person_id, version)
);
create index protocol_versions_org on protocol_versions (org_id, person_id, version desc);

-- A protocol review is due while any flag is open; writing a new protocol version clears them.
create table protocol_review_flags (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  reason text not null check (reason in ('date_passed', 'significant_incident', 'change_in_needs',
    'safeguarding_concern', 'pattern_of_non_response')),
  -- The incident, concern or protocol version that raised it.
  source_id uuid,
  note text not null default '',
  raised_at timestamptz not null,
  cleared_at timestamptz,
  cleared_by_version int
);
create index protocol_review_flags_open on protocol_review_flags (org_id, person_id) where cleared_at is null;
-- One open flag per person, reason and source: raising the same trigger twice is a no-op.
create unique index protocol_review_flags_once on protocol_review_flags
  (person_id, reason, coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid)) where cleared_at is null;

create table known_absences (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  kind text not null check (kind in ('hospital_admission', 'holiday', 'respite', 'staying_with_family', 'other')),
  starts_at timestamptz not null,
  -- Expected end (e.g. planned discharge); null when not known.
  expected_end_at timestamptz,
  -- When the absence actually ended (person back); null while it lasts.
  ended_at timestamptz,
  note text not null default '',
  version int not null default 1,
  created_by uuid references staff(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (expected_end_at is null or expected_end_at > starts_at),
  check (ended_at is null or ended_at >= starts_at)
);
create index known_absences_person on known_absences (person_id, starts_at);
