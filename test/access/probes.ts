import type { TestApp } from '../support/app.ts';

/**
 * For a route that takes a record's id: how to ask for organisation B's record while signed in
 * to organisation A with a role that has the action. The answer must be 404.
 * `payload` must be otherwise valid, so that the 404 comes from the tenant boundary.
 */
export type CrossTenantProbe = {
  route: string; // 'METHOD /api/path/:id' exactly as registered
  request: (t: TestApp) => Promise<{ url: string; payload?: unknown }>;
};
