import type { Deps } from '../app/deps.ts';
import { createDemoOrganisation, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_STAFF } from './organisation.ts';
import { ROLE_LABELS } from '../domain/access/roles.ts';
import { DEMO_EXTRAS } from './extras.ts';

/** Loads the demo organisation on first start only, then prints the demo logins every start. */
export async function ensureDemo(deps: Deps, print: (line: string) => void): Promise<void> {
  const [existing] = await deps.db.query<{ id: string }>('select id from organisations where name = $1', [DEMO_ORGANISATION]);
  if (!existing) {
    const demo = await createDemoOrganisation(deps);
    for (const extra of DEMO_EXTRAS) await extra(deps, demo);
    print(`Loaded the demo organisation "${DEMO_ORGANISATION}".`);
  }
  print('\nDemo logins (password for all: ' + DEMO_PASSWORD + '):');
  for (const s of DEMO_STAFF) print(`  ${ROLE_LABELS[s.role].padEnd(38)} ${s.email}`);
}
