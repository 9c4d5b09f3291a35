import type { ReactNode } from 'react';
import type { Match } from './router.ts';
import { HomePage } from './shell/home.tsx';
import { ChangePasswordPage } from './account/change-password-page.tsx';
import { AddStaffPage } from './administration/add-staff-page.tsx';
import { AdministrationPage } from './administration/administration-page.tsx';
import { ApiTokensPage } from './administration/api-tokens-page.tsx';
import { EditStaffPage } from './administration/edit-staff-page.tsx';
import { ServicesPage } from './administration/services-page.tsx';
import { StaffListPage } from './administration/staff-list-page.tsx';
import './administration/administration.css';
import { AuditPage } from './audit/audit-page.tsx';

/**
 * Every screen: its path, the action it needs (from the server's role × action table), and,
 * when `nav` is set, its place in the navigation. Workflows add their screens here.
 */
export type Screen = { path: string; action?: string; nav?: string; render: (m: Match) => ReactNode };

export const SCREENS: Screen[] = [
  { path: '/', nav: 'Home', render: () => <HomePage /> },
  { path: '/account/password', action: 'session.own', render: () => <ChangePasswordPage /> },
  { path: '/administration', action: 'admin.read', nav: 'Administration', render: () => <AdministrationPage /> },
  { path: '/administration/staff', action: 'admin.read', render: () => <StaffListPage /> },
  { path: '/administration/staff/new', action: 'admin.manage', render: () => <AddStaffPage /> },
  { path: '/administration/staff/:id', action: 'admin.read', render: (m) => <EditStaffPage id={m.params.id} /> },
  { path: '/administration/services', action: 'admin.read', render: () => <ServicesPage /> },
  { path: '/administration/api-tokens', action: 'admin.read', render: () => <ApiTokensPage /> },
  { path: '/audit', action: 'audit.read', nav: 'Audit', render: () => <AuditPage /> },
];
