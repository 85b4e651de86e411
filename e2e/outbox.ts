// The development outbox the e2e server writes every e-mail to (demo mode: .data/outbox/<id>.json).
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEV, expect } from './role-helpers';

const OUTBOX = path.resolve(process.env.MAIL_OUTBOX_DIR ?? '.data/outbox');

/**
 * The path (with its query) of the first link matching `pattern` in the newest message to `to` written
 * since `since` whose text contains `containing` (the mail job may take a moment). The demo's own mail
 * (the seed's invitations) can reach the same addresses: `containing` tells a test's message apart.
 */
export async function linkMailedTo(to: string, pattern: RegExp, since: number, containing = ''): Promise<string> {
  let found: { link: string; at: number } | null = null;
  await expect
    .poll(
      async () => {
        const files = await readdir(OUTBOX).catch(() => [] as string[]);
        for (const file of files.filter((f) => f.endsWith('.json'))) {
          const full = path.join(OUTBOX, file);
          const at = (await stat(full)).mtimeMs;
          if (at < since || (found && at <= found.at)) continue;
          const mail = JSON.parse(await readFile(full, 'utf8')) as { to?: string; text?: string };
          const link = mail.to === to && mail.text?.includes(containing) ? pattern.exec(mail.text)?.[0] : undefined;
          if (link) found = { link, at };
        }
        return found?.link ?? null;
      },
      { message: `a message to ${to} with a link like ${pattern} in ${OUTBOX}`, timeout: DEV ? 120_000 : 90_000 },
    )
    .not.toBeNull();
  return found!.link;
}
