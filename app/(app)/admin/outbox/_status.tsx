// Shared by the outbox pages: a message's delivery status, and times in the admin's zone.
import { Badge } from '@/components/admin/table';
import type { MailStatus } from '@/lib/generated/prisma/enums';
import { localDateTime } from '@/lib/time';

const TONE = { QUEUED: 'amber', SENDING: 'amber', SENT: 'green', FAILED: 'red' } as const;
const LABEL = { QUEUED: 'Queued', SENDING: 'Sending', SENT: 'Sent', FAILED: 'Failed' } as const;

export const MailStatusBadge = ({ status }: { status: MailStatus }) => <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;

export const formatInstant = (at: Date | null, timeZone: string) => (at ? localDateTime(at.getTime(), timeZone).slice(0, 16).replace('T', ' ') : '—');
