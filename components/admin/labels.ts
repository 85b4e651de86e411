// Display names for the admin pages' enum values.
import type { Role } from '@/lib/generated/prisma/enums';

export const ROLE_LABEL: Record<Role, string> = { PATIENT: 'Patient', DOCTOR: 'Doctor', CAREGIVER: 'Caregiver', ADMIN: 'Admin' };
export const ROLE_OPTIONS = Object.entries(ROLE_LABEL) as [Role, string][];

export const DEVICE_TYPE_OPTIONS = [
  ['watch', 'Watch'],
  ['phone', 'Phone'],
  ['tablet', 'Tablet'],
  ['wearable', 'Wearable'],
  ['scale', 'Scale'],
  ['bp_monitor', 'Blood pressure cuff'],
  ['glucometer', 'Glucometer'],
  ['cgm', 'Continuous glucose monitor'],
  ['thermometer', 'Thermometer'],
  ['pulse_oximeter', 'Pulse oximeter'],
  ['manual', 'Manual entry'],
] as const;
export const DEVICE_TYPE_LABEL: Record<string, string> = Object.fromEntries(DEVICE_TYPE_OPTIONS);

/** 'HEART_RATE' → 'Heart rate' */
export function humanize(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
