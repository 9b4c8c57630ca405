import type { Role } from '@workplan/shared';
import { useOptionalSession } from '../../auth/session';

/** The signed-in user's role, or null outside a signed-in session (the dashboard's own tests render it without one). */
export function useSignedInRole(): Role | null {
  return useOptionalSession()?.user.role ?? null;
}
