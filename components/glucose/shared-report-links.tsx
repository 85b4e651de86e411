// Within a share that covers blood glucose: the clinic report (AGP report layout) for the shared days, as a
// page (link shares) and as a PDF. Nothing for a share without glucose.
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { ActiveShare } from '@/lib/data/shares';
import { todayIn } from '@/components/doctor/format';
import { getTranslations } from '@/lib/i18n/server';

const link = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-teal-800 hover:border-teal-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

/** `via`: the link-share viewer (/shared/report…) or a signed-in recipient (the patient API with ?share=). */
export async function SharedReportLinks({ share, via }: { share: ActiveShare; via: 'link' | 'account' }) {
  if (!share.types.includes('BLOOD_GLUCOSE')) return null;
  const t = await getTranslations('report');
  const today = todayIn(share.timeZone);
  const to = share.toDay < today ? share.toDay : today;
  const from = share.fromDay > to ? to : share.fromDay;
  const days = `from=${from}&to=${to}`;
  const pdf = via === 'link' ? `/shared/report.pdf?${days}` : `/api/v1/patients/${share.patientId}/glucose/report.pdf?share=${share.id}&${days}`;
  return (
    <Card title={t('shared.title')}>
      <p className="mb-3 text-sm text-slate-700">{t('shared.text')}</p>
      <div className="flex flex-wrap gap-2">
        {via === 'link' && <Link href={`/shared/report?${days}`} className={link}>{t('shared.open')}</Link>}
        <a href={pdf} download className={link}>{t('downloadPdf')}</a>
      </div>
    </Card>
  );
}
