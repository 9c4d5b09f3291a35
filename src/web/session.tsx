import { createContext, useContext } from 'react';

export type Me = {
  staff: { id: string; email: string; name: string; role: string; roleLabel: string; mustChangePassword: boolean; serviceIds: string[] };
  csrfToken: string;
  actions: string[];
};

export const SessionContext = createContext<{ me: Me; signOut: () => Promise<void>; refresh: () => Promise<void> } | null>(null);

/** The signed-in member of staff; only used inside the signed-in shell. */
export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in shell');
  return s;
}

export const canDo = (me: Me, action: string) => me.actions.includes(action);
