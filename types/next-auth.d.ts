// Session and JWT carry the user id, role and session version (see lib/auth/options.ts).
import type { Role } from '../lib/generated/prisma/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; role: Role; sessionVersion: number };
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
    issuedAt?: number;
    lastSeenAt?: number;
  }
}
