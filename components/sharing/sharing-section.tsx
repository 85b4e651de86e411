'use client';

// The Sharing part of /care-team: make a share (a link's code is shown once), and the list of shares
// with their status and a revoke button.
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
  const [code, setCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Card title="Share your data">
        <p className="mb-3 text-sm text-slate-600">
          Give a doctor or caregiver, or anyone you send a link to, read-only access to chosen data for chosen days, until a time you set.
        </p>
        {code ? (
          <ShareLinkPanel code={code} onDone={() => setCode(null)} />
        ) : (
          <ShareForm
            today={today}
            onCreated={(share) => {
              void shares.refetch();
              if (share.code) setCode(share.code);
              setNotice(share.recipient.kind === 'user' ? `Shared with ${share.recipient.name}.` : 'Link created.');
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
