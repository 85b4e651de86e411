// The role check of a signed-in area's layout. It runs above the area's loading.tsx, so a caller without
// a session or of another role gets a real redirect (307), not a 200 whose stream carries the redirect.
// Pages check again before reading data (a layout does not guard its pages' own fetches).
import { redirect } from 'next/navigation';
import type { Role } from '../generated/prisma/enums';
import { getCaller, type Caller } from './session';

export async function requirePageRole(roles: readonly Role[]): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect('/login');
  if (!roles.includes(caller.role)) redirect('/');
  return caller;
}
