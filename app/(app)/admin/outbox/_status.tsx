// Shared by the outbox pages: a message's delivery status, and times in the admin's zone, in the reader's language.
import { Badge } from '@/components/admin/table';
import { formatAdminInstant } from '@/components/admin/format';
import type { MailStatus } from '@/lib/generated/prisma/enums';
import type { Locale } from '@/lib/i18n/locales';
import { getTranslations } from '@/lib/i18n/server';

const TONE = { QUEUED: 'amber', SENDING: 'amber', SENT: 'green', FAILED: 'red' } as const;

export async function MailStatusBadge({ status }: { status: MailStatus }) {
  const t = await getTranslations('admin');
  return <Badge tone={TONE[status]}>{t(`outbox.status.${status}`)}</Badge>;
}

export const formatInstant = (at: Date | null, timeZone: string, locale: Locale) => (at ? formatAdminInstant(at.getTime(), timeZone, locale) : '—');
