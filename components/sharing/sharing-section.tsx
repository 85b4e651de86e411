'use client';

// The Sharing part of /care-team: make a share (a link is shown once), and the list of shares with
// their status and a revoke button. A share with an address is confirmed the same way whoever holds it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { sharesOptions } from './queries';
import { ShareForm } from './share-form';
import { ShareLinkPanel } from './share-link-panel';
import { ShareList } from './share-list';

export function SharingSection({ today, timeZone }: { today: string; timeZone: string }) {
  const t = useTranslations('sharing.section');
  const shares = useQuery(sharesOptions);
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Card title={t('title')}>
        <p className="mb-3 text-sm text-slate-600">{t('intro')}</p>
        {link ? (
          <ShareLinkPanel path={link} onDone={() => setLink(null)} />
        ) : (
          <ShareForm
            today={today}
            onCreated={(share) => {
              void shares.refetch();
              if (share.link) setLink(share.link);
              setNotice(share.recipient.kind === 'person' ? t('sharedWith', { email: share.recipient.email ?? '' }) : t('linkCreated'));
            }}
          />
        )}
        <p role="status" className="mt-2 text-sm text-teal-900">{notice}</p>
      </Card>
      <Card title={t('listTitle')}>
        {shares.isPending ? (
          <Loading label={t('loading')} />
        ) : shares.isError ? (
          <ErrorMessage error={shares.error} retry={() => void shares.refetch()} />
        ) : shares.data.shares.length === 0 ? (
          <Empty>{t('empty')}</Empty>
        ) : (
          <ShareList shares={shares.data.shares} timeZone={timeZone} />
        )}
      </Card>
    </>
  );
}
