'use client';

// On the online dashboard: keeps an encrypted snapshot of what it shows (today's cards, alerts, insights,
// devices) and what it rendered them with, for the offline shell (components/offline/offline-app.tsx).
import type { ComponentProps } from 'react';
import { DashboardView } from '@/components/patient/dashboard-view';
import { aggregatesOptions, devicesOptions, emergenciesOptions, insightsOptions } from '@/components/patient/queries';
import { dashboardAggregates, dashboardHours } from '@/components/patient/dashboard/cards';
import { useSaveSnapshot } from './snapshot';

export type DashboardProps = ComponentProps<typeof DashboardView>;

export function DashboardSnapshot(props: DashboardProps) {
  const keys = [
    aggregatesOptions(dashboardAggregates(props.today)).queryKey,
    aggregatesOptions(dashboardHours(props.today)).queryKey,
    devicesOptions.queryKey,
    insightsOptions.queryKey,
    emergenciesOptions.queryKey,
  ];
  useSaveSnapshot('dashboard', keys, props);
  return null;
}
