import type { ReactNode } from 'react';
import type { Match } from './router.ts';
import { HomePage } from './shell/home.tsx';
import { PersonSchedulePage } from './schedule/person-schedule-page.tsx';
import { ServiceTodayPage } from './schedule/service-today-page.tsx';
import { ChangePasswordPage } from './account/change-password-page.tsx';
import { AddStaffPage } from './administration/add-staff-page.tsx';
import { AdministrationPage } from './administration/administration-page.tsx';
import { ApiTokensPage } from './administration/api-tokens-page.tsx';
import { EditStaffPage } from './administration/edit-staff-page.tsx';
import { ServicesPage } from './administration/services-page.tsx';
import { StaffListPage } from './administration/staff-list-page.tsx';
import './administration/administration.css';
import { AuditPage } from './audit/audit-page.tsx';
import { AddPersonPage, EditPersonPage } from './people/person-edit-pages.tsx';
import { ComparePage } from './people/compare-page.tsx';
import { ImportPeoplePage } from './people/import-page.tsx';
import { PeopleListPage } from './people/people-list-page.tsx';
import { PersonPage } from './people/person-page.tsx';
import { ProtocolEditorPage } from './people/protocol-editor-page.tsx';
import { ConcernPage } from './safeguarding/concern-page.tsx';
import { ConcernQueuePage } from './safeguarding/concern-queue-page.tsx';
import { PersonConcernLogPage } from './safeguarding/person-concern-log-page.tsx';
import { RaiseConcernPage } from './safeguarding/raise-concern-page.tsx';
import { DoorPage } from './door/door-page.tsx';
import { DoorIncidentPage } from './door/door-incident-page.tsx';
import { OnCallBoardPage } from './on-call/on-call-board-page.tsx';
import { RotaPage } from './on-call/rota-page.tsx';
import { IncidentPage } from './incidents/incident-page.tsx';
import { ReviewQueuePage } from './review/review-queue-page.tsx';

/**
 * Every screen: its path, the action it needs (from the server's role × action table), and,
 * when `nav` is set, its place in the navigation. Workflows add their screens here.
 */
export type Screen = { path: string; action?: string; nav?: string; render: (m: Match) => ReactNode };

export const SCREENS: Screen[] = [
  { path: '/', nav: 'Home', render: () => <HomePage /> },
  { path: '/today', action: 'person.read', nav: 'Today', render: () => <ServiceTodayPage /> },
  { path: '/services/:id/today', action: 'person.read', render: (m) => <ServiceTodayPage id={m.params.id} /> },
  { path: '/people', action: 'person.read', nav: 'People', render: () => <PeopleListPage /> },
  { path: '/people/new', action: 'person.write', render: () => <AddPersonPage /> },
  { path: '/people/import', action: 'person.import', render: () => <ImportPeoplePage /> },
  { path: '/people/:id', action: 'person.read', render: (m) => <PersonPage id={m.params.id} /> },
  { path: '/people/:id/edit', action: 'person.write', render: (m) => <EditPersonPage id={m.params.id} /> },
  { path: '/people/:id/protocol', action: 'protocol.write', render: (m) => <ProtocolEditorPage id={m.params.id} /> },
  { path: '/people/:id/protocol/compare', action: 'person.read', render: (m) => <ComparePage id={m.params.id} /> },
  { path: '/people/:id/schedule', action: 'person.read', render: (m) => <PersonSchedulePage id={m.params.id} /> },
  { path: '/account/password', action: 'session.own', render: () => <ChangePasswordPage /> },
  { path: '/administration', action: 'admin.read', nav: 'Administration', render: () => <AdministrationPage /> },
  { path: '/administration/staff', action: 'admin.read', render: () => <StaffListPage /> },
  { path: '/administration/staff/new', action: 'admin.manage', render: () => <AddStaffPage /> },
  { path: '/administration/staff/:id', action: 'admin.read', render: (m) => <EditStaffPage id={m.params.id} /> },
  { path: '/administration/services', action: 'admin.read', render: () => <ServicesPage /> },
  { path: '/administration/api-tokens', action: 'admin.read', render: () => <ApiTokensPage /> },
  { path: '/audit', action: 'audit.read', nav: 'Audit', render: () => <AuditPage /> },
  { path: '/safeguarding', action: 'concern.raise', nav: 'Safeguarding', render: () => <ConcernQueuePage /> },
  { path: '/safeguarding/raise', action: 'concern.raise', render: () => <RaiseConcernPage /> },
  { path: '/safeguarding/concerns/:id', action: 'concern.raise', render: (m) => <ConcernPage id={m.params.id} /> },
  { path: '/safeguarding/people/:id', action: 'concern.read_all', render: (m) => <PersonConcernLogPage id={m.params.id} /> },
  { path: '/door', action: 'incident.respond', nav: 'At the door', render: () => <DoorPage /> },
  { path: '/door/incidents/:id', action: 'incident.respond', render: (m) => <DoorIncidentPage id={m.params.id} /> },
  { path: '/on-call', action: 'incident.manage', nav: 'On call', render: () => <OnCallBoardPage /> },
  { path: '/incidents/:id', action: 'incident.read', render: (m) => <IncidentPage id={m.params.id} /> },
  { path: '/review', action: 'incident.review', nav: 'Review', render: () => <ReviewQueuePage /> },
  { path: '/rota', action: 'rota.manage', nav: 'Rota', render: () => <RotaPage /> },
];
