import type { Deps } from '../app/deps.ts';
import type { DemoOrganisation } from './organisation.ts';
import { loadDemoRota } from './incident-rota.ts';
import { loadDemoPeople } from './people.ts';

/**
 * Further demo data (people, protocols, schedules …), each added by the module that owns
 * the noun. Run once, right after the demo organisation is created.
 */
export const DEMO_EXTRAS: ((deps: Deps, demo: DemoOrganisation) => Promise<void>)[] = [loadDemoPeople, loadDemoRota];
