import type { EmergencyNotified, EmergencyUpdateView } from '@/lib/data/emergency-views';
import type { AlertRecipients } from '@/lib/format/emergency-told';
// The JSON the patient pages read from the API (dates as ISO strings), typed once.
import type { DeviceType } from '@/lib/devices/device-types';
import type { HealthType } from '@/lib/health';

export type AggregateRow = { periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };
export type AggregatesResponse = Partial<Record<HealthType, AggregateRow[]>>;

export type DeviceJson = {
  id: string;
  name: string;
  type: DeviceType;
  priority: number;
  lastSyncAt: string | null;
  createdAt: string;
  revokedAt: string | null;
};
export type RegisteredDevice = { id: string; name: string; type: DeviceType; priority: number; token: string };
export type TypePriorityJson = { healthType: HealthType; priority: number };

export type InsightJson = {
  id: string;
  kind: string;
  severity: 'INFO' | 'LOW' | 'MEDIUM' | 'HIGH';
  status: string;
  title: string;
  body: string;
  windowStart: string;
  windowEnd: string;
  updatedAt: string;
};

/** `details` is the episode's worst reading (atMs: when it was taken); `updates` what it recorded since it opened. */
export type EmergencyJson = {
  id: string;
  kind: 'GLUCOSE_LOW' | 'GLUCOSE_HIGH' | 'BLOOD_PRESSURE_CRISIS' | 'MISSED_MEDICATION';
  status: 'OPEN' | 'ACKNOWLEDGED' | 'ESCALATED' | 'RESOLVED';
  details: Record<string, number>;
  detectedAt: string;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  startedAt: string;
  updates: EmergencyUpdateJson[];
  recoveredAt: string | null;
  notified: EmergencyNotified;
};
export type EmergencyUpdateJson = EmergencyUpdateView;
export type EmergenciesResponse = { emergencies: EmergencyJson[]; alertRecipients?: AlertRecipients };
