import type { ReactNode } from 'react';
import type { Match } from './router.ts';
import { HomePage } from './shell/home.tsx';

/**
 * Every screen: its path, the action it needs (from the server's role × action table), and,
 * when `nav` is set, its place in the navigation. Workflows add their screens here.
 */
export type Screen = { path: string; action?: string; nav?: string; render: (m: Match) => ReactNode };

export const SCREENS: Screen[] = [
  { path: '/', nav: 'Home', render: () => <HomePage /> },
];
