// Session and JWT carry the user id, role, session version and server-side session id (see lib/auth/options.ts).
import type { Role } from '../lib/generated/prisma/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; role: Role; sessionVersion: number; sessionId?: string };
  }
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    sv: number;
    sid?: string; // user_sessions.id; absent in tokens signed before it existed (refused)
    issuedAt?: number;
    lastSeenAt?: number;
  }
}
