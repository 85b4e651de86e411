// Admins' review of doctors who signed up: the pending list, and approve or reject (with the reason the
// doctor is told). A decision is final here: deciding again is a 409 (an admin can still disable the
// account). Until approved, a doctor cannot be invited to a care team.
import { prisma } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { enqueueMail } from '../mail/enqueue';
import { maybeDisplayName } from './profile-fields';
import { decryptEmail } from './user-email';

/** Doctors waiting for review, oldest first. */
export async function listPendingDoctors() {
  const rows = await prisma.user.findMany({
    where: { role: 'DOCTOR', doctorApproval: 'PENDING' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      emailCiphertext: true,
      emailVerifiedAt: true,
      doctorLicenceNumber: true,
      doctorLicenceBody: true,
      createdAt: true,
      disabledAt: true,
      profile: { select: { displayName: true } },
    },
  });
  const doctors = await Promise.all(
    rows.map(async (u) => ({
      id: u.id,
      email: await decryptEmail(u.id, u.emailCiphertext),
      name: await maybeDisplayName(u.id, u.profile?.displayName ?? null),
      emailVerified: u.emailVerifiedAt !== null,
      licenceNumber: u.doctorLicenceNumber,
      licenceBody: u.doctorLicenceBody,
      signedUpAt: u.createdAt,
      disabled: u.disabledAt !== null,
    })),
  );
  return { doctors };
}

export type DoctorDecision = { approve: true } | { approve: false; reason: string };

/** Approves or rejects a pending doctor and e-mails them; 404 for an id that is not a doctor's, 409 once decided. */
export async function reviewDoctor(userId: string, decision: DoctorDecision) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, doctorApproval: true, emailCiphertext: true } });
    if (!user || user.role !== 'DOCTOR') throw notFound('doctor');
    if (user.doctorApproval !== 'PENDING') {
      throw new ApiError('CONFLICT', `this doctor was already ${user.doctorApproval === 'APPROVED' ? 'approved' : 'rejected'}`);
    }
    const now = new Date();
    const updated = await tx.user.updateMany({
      where: { id: userId, doctorApproval: 'PENDING' }, // a racing decision loses
      data: decision.approve
        ? { doctorApproval: 'APPROVED', doctorReviewedAt: now, doctorRejectionReason: null }
        : { doctorApproval: 'REJECTED', doctorReviewedAt: now, doctorRejectionReason: decision.reason },
    });
    if (updated.count !== 1) throw new ApiError('CONFLICT', 'this doctor was already reviewed');
    const to = await decryptEmail(userId, user.emailCiphertext);
    if (decision.approve) await enqueueMail(tx, { to, template: 'doctor-approved', data: {}, userId });
    else await enqueueMail(tx, { to, template: 'doctor-rejected', data: { reason: decision.reason }, userId });
    return { id: userId, doctorApproval: decision.approve ? ('APPROVED' as const) : ('REJECTED' as const), reviewedAt: now };
  });
}
