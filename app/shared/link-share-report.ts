// The link-share viewer's report (/shared/report and /shared/report.pdf): the share the browser's grant
// names, re-checked in the database and audited as a read through a link (as /shared is), and only when
// its types include blood glucose; else the plain 404. Its scope (types and days) is the report's.
import { cookies } from 'next/headers';
import { auditPageView } from '@/lib/audit/page-view';
import { findActiveLinkShare, shareScope, type ActiveShare } from '@/lib/data/shares';
import { linkShareReportAccess, type ReportAccess } from '@/lib/report/load';
import { GRANT_COOKIE, readGrant } from '../share/grant';

export async function linkShareReport(page: string): Promise<{ share: ActiveShare; access: ReportAccess } | null> {
  const shareId = readGrant((await cookies()).get(GRANT_COOKIE)?.value);
  const view = { action: 'share.link-read', page, actorUserId: null, subject: { kind: 'share', id: shareId ?? '' } } as const;
  const share = shareId ? await auditPageView(view, () => findActiveLinkShare(shareId)) : null;
  if (!share || !share.types.includes('BLOOD_GLUCOSE')) return null;
  return { share, access: linkShareReportAccess(shareScope(share)) };
}
