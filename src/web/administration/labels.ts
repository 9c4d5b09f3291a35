import { ROLE_LABELS, ROLES, type Role } from '../../domain/access/roles.ts';

/** Shapes returned by /api/staff and /api/services. */
export type Staff = {
  id: string; email: string; name: string; role: Role; isActive: boolean; mustChangePassword: boolean;
  phone: string | null; serviceIds: string[]; version: number;
};
export type Service = { id: string; name: string; kind: string; isActive: boolean };

export const SERVICE_KINDS = ['supported_living', 'home_care', 'outreach', 'community_team'] as const;
export const SERVICE_KIND_LABELS: Record<string, string> = {
  supported_living: 'Supported living',
  home_care: 'Home care',
  outreach: 'Outreach',
  community_team: 'Community team',
};

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
export const roleLabel = (r: string) => ROLE_LABELS[r as Role] ?? r;
