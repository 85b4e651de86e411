// Start-up check (Node.js server only, from instrumentation.ts): an invalid environment, such as a
// production server without its secrets, stops the process with a message naming each variable.
import { env } from '../env';

export function requireValidEnv(): void {
  try {
    env();
  } catch (error) {
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
}
