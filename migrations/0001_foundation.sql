-- Foundation: organisations (the tenant boundary), services, staff, sessions, tokens,
-- the hash-chained event record and the access log.

create table organisations (
  id uuid primary key,
  name text not null,
  settings jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table services (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  name text not null,
  kind text not null check (kind in ('supported_living', 'home_care', 'outreach', 'community_team')),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (org_id, name)
);

create table staff (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  email text not null,
  name text not null,
  role text not null,
  password_hash text not null,
  is_active boolean not null default true,
  must_change_password boolean not null default false,
  phone text,
  created_at timestamptz not null default now(),
  version int not null default 1
);
create unique index staff_email_unique on staff (lower(email));
create index staff_org on staff (org_id);

create table staff_services (
  staff_id uuid not null references staff(id),
  service_id uuid not null references services(id),
  primary key (staff_id, service_id)
);

create table sessions (
  token_hash text primary key,
  staff_id uuid not null references staff(id),
  org_id uuid not null references organisations(id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_staff on sessions (staff_id);

create table api_tokens (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  name text not null,
  token_hash text not null unique,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table login_attempts (
  id bigserial primary key,
  email text not null,
  ip text not null,
  at timestamptz not null default now(),
  succeeded boolean not null
);
create index login_attempts_email_at on login_attempts (lower(email), at);
create index login_attempts_ip_at on login_attempts (ip, at);

-- The record: append-only, hash-chained per organisation (seq 1, 2, 3 … per org).
create table events (
  org_id uuid not null references organisations(id),
  seq bigint not null,
  id uuid not null unique,
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('staff', 'system', 'token')),
  actor_id uuid,
  type text not null,
  entity_type text not null,
  entity_id uuid,
  data jsonb not null,
  reason text,
  prev_hash text not null,
  hash text not null,
  primary key (org_id, seq)
);
create index events_entity on events (org_id, entity_type, entity_id, seq);

create table event_chain_heads (
  org_id uuid primary key references organisations(id),
  seq bigint not null,
  hash text not null
);

create table access_log (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  at timestamptz not null,
  actor_kind text not null,
  actor_id uuid,
  entity_type text not null,
  entity_id uuid not null,
  purpose text not null
);
create index access_log_entity on access_log (org_id, entity_type, entity_id, at);

create function reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'Table % is append-only: % is not allowed', tg_table_name, tg_op
    using errcode = 'P0001';
end $$;

create trigger events_append_only before update or delete on events
  for each row execute function reject_change();
create trigger access_log_append_only before update or delete on access_log
  for each row execute function reject_change();
create trigger events_no_truncate before truncate on events
  for each statement execute function reject_change();
create trigger access_log_no_truncate before truncate on access_log
  for each statement execute function reject_change();
