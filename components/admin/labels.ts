// Display names for the admin pages' enum values, in the reader's language (messages: admin.roles,
// admin.deviceTypes, …). The codes themselves stay as they are; an unknown code is shown humanized.
import type { useTranslations } from 'use-intl';
import type { Role } from '@/lib/generated/prisma/enums';

export type AdminT = ReturnType<typeof useTranslations<'admin'>>;

export const ROLES = ['PATIENT', 'DOCTOR', 'CAREGIVER', 'ADMIN'] as const satisfies readonly Role[];
export const DEVICE_TYPES = ['watch', 'phone', 'tablet', 'wearable', 'scale', 'bp_monitor', 'glucometer', 'cgm', 'thermometer', 'pulse_oximeter', 'manual'] as const;

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
const isDeviceType = (value: string): value is (typeof DEVICE_TYPES)[number] => (DEVICE_TYPES as readonly string[]).includes(value);

export function roleLabel(t: AdminT, role: string): string {
  return isRole(role) ? t(`roles.${role}`) : role;
}
export const roleOptions = (t: AdminT) => ROLES.map((role) => [role, t(`roles.${role}`)] as const);

export function deviceTypeLabel(t: AdminT, type: string): string {
  return isDeviceType(type) ? t(`deviceTypes.${type}`) : type;
}
export const deviceTypeOptions = (t: AdminT) => DEVICE_TYPES.map((type) => [type, t(`deviceTypes.${type}`)] as const);

/** 'HEART_RATE' → 'Heart rate' (a code no message names). */
export function humanize(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
