import type { Role } from '@synergies/shared';
import type { RouteLocationRaw } from 'vue-router';

/** Where a person lands after signing in (pages use it without importing the router, which imports them). */
export function homeFor(role: Role | undefined): RouteLocationRaw {
  if (role === 'member') return { name: 'my-firm' };
  if (role === 'facilitator' || role === 'admin') return { name: 'console' };
  return { name: 'login' };
}
