-- Safeguarding concerns with threshold decision support (thresholds guidance; DESIGN.md
-- "Safeguarding threshold decision support"): the concern as raised, the framework version it was
-- assessed under and the suggestion made, the safeguarding lead's decision, the referral to the
-- local authority tracked to its outcome, lower-level actions with owners, and who else may see it.

create table safeguarding_concerns (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  raised_by uuid not null references staff(id),
  raised_at timestamptz not null,
  -- Set when the concern came out of a no-response incident.
  source_incident_id uuid references incidents(id),
  -- The framework (and its version) the concern was assessed under: later versions never re-judge it.
  framework_id text not null,
  framework_version text not null,
  indicator_ids text[] not null default '{}',
  description text not null,
  -- [{kind, staffId?, detail?}]: staff member, person in a position of trust, family, partner,
  -- another person supported, stranger, self, not known.
  alleged jsonb not null,
  -- The staff members alleged to have caused harm (for accumulation across concerns).
  alleged_staff_ids uuid[] not null default '{}',
  children_involved text not null check (children_involved in ('yes', 'no', 'unknown')),
  possible_crime text not null check (possible_crime in ('yes', 'no', 'unknown')),
  capacity text not null check (capacity in ('has', 'lacks', 'unknown')),
  risk text not null check (risk in ('low', 'medium', 'high', 'unknown')),
  -- Making Safeguarding Personal: what the person wants to happen, in their words where possible.
  person_wishes text not null,
  immediate_actions text not null,
  -- The suggestion as shown when raised (outcome, indicators, routes, missing information, accumulation).
  suggestion jsonb not null,
  suggested_outcome text not null check (suggested_outcome in ('lower_level', 'consider_s42', 'insufficient_information')),
  status text not null default 'awaiting_decision'
    check (status in ('awaiting_decision', 'referred', 'lower_level', 'no_further_action')),
  version int not null default 1
);
create index safeguarding_concerns_org_status on safeguarding_concerns (org_id, status, raised_at);
create index safeguarding_concerns_raised_by on safeguarding_concerns (org_id, raised_by);

-- A concern may be about several people (e.g. an incident between two people supported).
create table safeguarding_concern_people (
  concern_id uuid not null references safeguarding_concerns(id),
  person_id uuid not null references people(id),
  org_id uuid not null references organisations(id),
  primary key (concern_id, person_id)
);
create index safeguarding_concern_people_person on safeguarding_concern_people (org_id, person_id);

create table safeguarding_decisions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  concern_id uuid not null unique references safeguarding_concerns(id),
  decided_by uuid not null references staff(id),
  decided_at timestamptz not null,
  outcome text not null check (outcome in ('refer', 'lower_level', 'no_further_action')),
  rationale text not null,
  suggested_outcome text not null,
  -- Required when the decision departs from the suggestion.
  departure_reason text
);

create table safeguarding_referrals (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  concern_id uuid not null unique references safeguarding_concerns(id),
  referred_on date not null,
  local_authority text not null,
  method text not null check (method in ('phone', 'email', 'online_form', 'letter', 'in_person', 'secure_email')),
  reference text,
  enquiry_opened text not null default 'not_known' check (enquiry_opened in ('yes', 'no', 'not_known')),
  outcome text,
  outcome_on date,
  -- What the person wanted to happen, as told to the local authority (Making Safeguarding Personal).
  person_wanted text not null,
  created_by uuid not null references staff(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version int not null default 1
);

create table safeguarding_actions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  concern_id uuid not null references safeguarding_concerns(id),
  description text not null,
  owner_id uuid not null references staff(id),
  due_on date not null,
  created_by uuid not null references staff(id),
  created_at timestamptz not null,
  completed_at timestamptz,
  completed_by uuid references staff(id),
  completion_note text
);
create index safeguarding_actions_concern on safeguarding_actions (concern_id);
create index safeguarding_actions_owner on safeguarding_actions (org_id, owner_id) where completed_at is null;

-- Beyond the safeguarding lead, registered manager and the raiser, only staff granted access see a concern.
create table safeguarding_concern_access (
  concern_id uuid not null references safeguarding_concerns(id),
  staff_id uuid not null references staff(id),
  org_id uuid not null references organisations(id),
  granted_by uuid not null references staff(id),
  granted_at timestamptz not null,
  reason text not null,
  primary key (concern_id, staff_id)
);
