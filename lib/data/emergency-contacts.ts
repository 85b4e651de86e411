// A patient's emergency contacts (emergency_contacts, issue 19): who to call, how they are related, their
// phone, in the order to try them (priority 1 first). Edited by the patient or a linked doctor. The name
// and the phone number are encrypted (they say who the person knows); the relation is a word like "mother".
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { prisma } from '../db/client';
import { openText, sealText, text } from './record-fields';

// E.164-ish: digits with spaces, dashes, dots or brackets as written, an optional leading +; 6 to 20 digits.
const PHONE_CHARS = /^\+?[0-9][0-9 ().-]*$/;
const phone = z
  .string({ error: 'must be text' })
  .trim()
  .refine((v) => PHONE_CHARS.test(v), 'must be a phone number: digits, spaces, dashes and an optional leading +')
  .refine((v) => { const n = v.replace(/\D/g, '').length; return n >= 6 && n <= 20; }, 'must have 6 to 20 digits');

const fields = {
  name: text(120),
  relation: text(60),
  phone,
  priority: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').max(99, 'must be at most 99').optional(),
};
export const contactInput = z.object(fields).strict();
export const contactPatch = z.object(fields).partial().strict();
export type ContactInput = z.output<typeof contactInput>;
export type ContactPatch = z.output<typeof contactPatch>;

export type ContactAnswer = { id: string; name: string; relation: string; phone: string; priority: number; createdAt: string; updatedAt: string };

type Row = Awaited<ReturnType<typeof prisma.emergencyContact.findMany>>[number];

async function answer(r: Row): Promise<ContactAnswer> {
  return {
    id: r.id, name: (await openText(r.userId, 'emergency_contacts', 'name', r.id, r.name))!, relation: r.relation,
    phone: (await openText(r.userId, 'emergency_contacts', 'phone', r.id, r.phone))!, priority: r.priority,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listEmergencyContacts(patientId: string): Promise<ContactAnswer[]> {
  const rows = await prisma.emergencyContact.findMany({ where: { userId: patientId }, orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }] });
  return Promise.all(rows.map(answer));
}

export async function createEmergencyContact(patientId: string, _recorderId: string, input: ContactInput): Promise<ContactAnswer> {
  const id = randomUUID();
  const row = await prisma.emergencyContact.create({
    data: {
      id, userId: patientId, name: (await sealText(patientId, 'emergency_contacts', 'name', id, input.name))!, relation: input.relation,
      phone: (await sealText(patientId, 'emergency_contacts', 'phone', id, input.phone))!, priority: input.priority ?? 1,
    },
  });
  return answer(row);
}

export async function updateEmergencyContact(patientId: string, id: string, _recorderId: string, patch: ContactPatch, nowMs = Date.now()): Promise<ContactAnswer | null> {
  const current = await prisma.emergencyContact.findFirst({ where: { id, userId: patientId }, select: { id: true } });
  if (!current) return null;
  const row = await prisma.emergencyContact.update({
    where: { id },
    data: {
      ...(patch.name !== undefined ? { name: (await sealText(patientId, 'emergency_contacts', 'name', id, patch.name))! } : {}),
      ...(patch.relation !== undefined ? { relation: patch.relation } : {}),
      ...(patch.phone !== undefined ? { phone: (await sealText(patientId, 'emergency_contacts', 'phone', id, patch.phone))! } : {}),
      ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
      updatedAt: new Date(nowMs),
    },
  });
  return answer(row);
}

export async function deleteEmergencyContact(patientId: string, id: string): Promise<boolean> {
  return (await prisma.emergencyContact.deleteMany({ where: { id, userId: patientId } })).count > 0;
}
