'use client';

// The offline app shell (/offline): what the service worker answers when a page cannot be reached. Its HTML
// carries no health data (the worker caches it); it renders in the browser from what this device keeps,
// encrypted, for the patient it last saw signed in: the dashboard and the dose log from their snapshots
// (with their age), "Log data" and the dose log queueing what is logged, and the waiting list. The page is
// chosen by the address asked for (the worker keeps it): /dashboard, /entry, /medications; any other
// says it needs a connection.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore, type ComponentProps } from 'react';
import { useTranslations } from 'use-intl';
import { EntryForms } from '@/components/entry/entry-forms';
import { MedicationsView } from '@/components/medications/medications-view';
import { DashboardView } from '@/components/patient/dashboard-view';
import { Empty, Loading } from '@/components/ui/states';
import { ENTRIES_PATH, MEALS_PATH, OWN_MEDICATIONS_PATH } from '@/lib/offline/items';
import { currentUser } from '@/lib/offline/vault';
import { OfflineUserProvider, useOnline } from './offline-context';
import { syncWhenOnline } from './offline-root';
import { FromSnapshot } from './snapshot';

const PAGES = [
  { path: '/dashboard', key: 'dashboard' },
  { path: '/entry', key: 'entry' },
  { path: '/medications', key: 'medications' },
] as const;
type Page = (typeof PAGES)[number]['key'] | 'elsewhere';

function pageAt(pathname: string): Page {
  if (pathname === '/' || pathname === '/offline') return 'dashboard';
  return PAGES.find((p) => p.path === pathname)?.key ?? 'elsewhere';
}

const stays = () => () => {};

type Units = ComponentProps<typeof EntryForms>['units'];
const DEFAULT_UNITS: Units = { glucose: 'mg/dL', weight: 'kg' };

function EntryPage() {
  const t = useTranslations('entry');
  // The form's own client (its mutations queue offline); the units from the last online visit.
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { networkMode: 'always' } } }));
  return (
    <QueryClientProvider client={client}>
      <h1 className="mb-4 text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <FromSnapshot<{ units: Units }> name="entry" showAge={false} fallback={{ units: DEFAULT_UNITS }}>
        {({ units }) => <EntryForms endpoint={ENTRIES_PATH} units={units} mealsEndpoint={MEALS_PATH} />}
      </FromSnapshot>
    </QueryClientProvider>
  );
}

function Pages({ page, userId }: { page: Page; userId: string }) {
  const nav = useTranslations('nav.links');
  const medications = useTranslations('medications');
  const t = useTranslations('offline.shell');
  switch (page) {
    case 'dashboard':
      return (
        <>
          <h1 className="mb-4 text-2xl font-semibold text-slate-900">{nav('dashboard')}</h1>
          <FromSnapshot<ComponentProps<typeof DashboardView>> name="dashboard">{(props) => <DashboardView {...props} />}</FromSnapshot>
        </>
      );
    case 'entry':
      return (
        <div className="mx-auto max-w-2xl">
          <EntryPage />
        </div>
      );
    case 'medications':
      return (
        <div className="mx-auto max-w-4xl">
          <h1 className="mb-4 text-2xl font-semibold text-slate-900">{medications('title')}</h1>
          <FromSnapshot<{ today: string; timeZone: string }> name="medications">
            {({ today, timeZone }) => (
              <MedicationsView base={OWN_MEDICATIONS_PATH} timeZone={timeZone} owner="you" canLog canManage={false} viewerId={userId} offline={{ today }} />
            )}
          </FromSnapshot>
        </div>
      );
    case 'elsewhere':
      return <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">{t('needsConnection')}</p>;
  }
}

export function OfflineApp() {
  const t = useTranslations('offline.shell');
  const nav = useTranslations('nav');
  const online = useOnline();
  // Read in the browser only: the server renders the shell without knowing the page or the person.
  const page = useSyncExternalStore(stays, () => pageAt(window.location.pathname), () => null);
  const [userId, setUserId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void currentUser().then(setUserId, () => setUserId(null));
  }, []);
  useEffect(() => (userId ? syncWhenOnline(userId) : undefined), [userId]);

  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-semibold text-teal-800">{nav('app')}</span>
          {/* Plain links: each is a full navigation, answered by the service worker while offline. */}
          <nav aria-label={t('navLabel')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {PAGES.map(({ path, key }) => (
              <a key={path} href={path} aria-current={page === key ? 'page' : undefined} className="rounded px-1 py-0.5 text-slate-700 hover:text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 aria-[current=page]:font-semibold aria-[current=page]:text-teal-800">
                {nav(`links.${key}`)}
              </a>
            ))}
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-4 px-4 pt-4 pb-10">
        <div role="status" className={`flex flex-wrap items-center gap-3 rounded-md border p-3 text-sm ${online ? 'border-teal-200 bg-teal-50 text-teal-900' : 'border-slate-300 bg-slate-100 text-slate-900'}`}>
          <span>{online ? t('onlineBanner') : t('offlineBanner')}</span>
          {online && (
            <button type="button" onClick={() => window.location.reload()} className="rounded-md border border-teal-700 bg-white px-2 py-1 font-medium text-teal-800 hover:bg-teal-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
              {t('reload')}
            </button>
          )}
        </div>
        {page === null || userId === undefined ? (
          <Loading label={t('loading')} />
        ) : userId === null ? (
          <Empty>{t('noData')}</Empty>
        ) : (
          <OfflineUserProvider value={userId}>
            <Pages page={page} userId={userId} />
          </OfflineUserProvider>
        )}
      </main>
    </>
  );
}
