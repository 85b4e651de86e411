'use client';

// The Sharing part of /care-team: make a share (a link is shown once), and the list of shares with
// their status and a revoke button. A share with an address is confirmed the same way whoever holds it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { sharesOptions } from './queries';
import { ShareForm } from './share-form';
import { ShareLinkPanel } from './share-link-panel';
import { ShareList } from './share-list';

export function SharingSection({ today, timeZone }: { today: string; timeZone: string }) {
  const shares = useQuery(sharesOptions);
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Card title="Share your data">
        <p className="mb-3 text-sm text-slate-600">
          Give a doctor or caregiver, or anyone you send a link to, read-only access to chosen data for chosen days, until a time you set.
        </p>
        {link ? (
          <ShareLinkPanel path={link} onDone={() => setLink(null)} />
        ) : (
          <ShareForm
            today={today}
            onCreated={(share) => {
              void shares.refetch();
              if (share.link) setLink(share.link);
              setNotice(share.recipient.kind === 'person' ? `Shared with ${share.recipient.email}.` : 'Link created.');
            }}
          />
        )}
        <p role="status" className="mt-2 text-sm text-teal-900">{notice}</p>
      </Card>
      <Card title="Your shares">
        {shares.isPending ? (
          <Loading label="Loading your shares…" />
        ) : shares.isError ? (
          <ErrorMessage error={shares.error} retry={() => void shares.refetch()} />
        ) : shares.data.shares.length === 0 ? (
          <Empty>You have not shared your data with anyone.</Empty>
        ) : (
          <ShareList shares={shares.data.shares} timeZone={timeZone} />
        )}
      </Card>
    </>
  );
}
