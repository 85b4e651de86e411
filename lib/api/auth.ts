// Request bodies of the account routes (sign-up, verification, password reset, e-mail change, doctor
// review). The password rule is lib/auth/password-policy.ts, applied here once for sign-up and reset.
import { z } from 'zod';
import { passwordProblem } from '../auth/password-policy';
import { ApiError } from '../http/errors';
import { freeText } from '../http/text';
import { isValidTimeZone } from '../time';
import { LOCALES } from '../i18n/locales';

export const emailField = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an e-mail address'));
const tokenField = z.string().max(1000);

export const SIGN_UP_ROLES = ['PATIENT', 'CAREGIVER', 'DOCTOR'] as const;

export const signUpBody = z
  .object({
    email: emailField,
    password: z.string(),
    name: freeText(100),
    role: z.enum(SIGN_UP_ROLES, 'must be PATIENT, CAREGIVER or DOCTOR'),
    timeZone: z.string().max(64).refine(isValidTimeZone, 'is not an IANA time zone').default('UTC'),
    licenceNumber: freeText(100).optional(),
    licenceBody: freeText(200).optional(),
    // The new account's language; without it, the page's (the switcher's cookie, else Accept-Language).
    language: z.enum(LOCALES, `must be one of: ${LOCALES.join(', ')}`).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const problem = passwordProblem(body.password, { email: body.email, name: body.name });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (body.role === 'DOCTOR') {
      if (!body.licenceNumber) ctx.addIssue({ code: 'custom', path: ['licenceNumber'], message: 'is required for a doctor' });
      if (!body.licenceBody) ctx.addIssue({ code: 'custom', path: ['licenceBody'], message: 'is required for a doctor (the body that issued the licence)' });
    }
  });

export const tokenBody = z.object({ token: tokenField }).strict();

export const passwordResetBody = z.object({ email: emailField }).strict();

export const passwordResetConfirmBody = z.object({ token: tokenField, password: z.string().max(1000) }).strict();

/** The 422 of a new password the rule refuses (the reset's context, the account's address and name, is known late). */
export function checkNewPassword(password: string, context: { email?: string; name?: string | null }): void {
  const problem = passwordProblem(password, { email: context.email, name: context.name ?? undefined });
  if (problem) throw new ApiError('VALIDATION_ERROR', 'request validation failed', [{ field: 'password', reason: problem }]);
}

export const emailChangeBody = z.object({ email: emailField, currentPassword: z.string().min(1, 'is required').max(1000) }).strict();

export const doctorRejectBody = z.object({ reason: freeText(1000) }).strict();

/** The one answer of a link that is unknown, used or expired (every token route of the account area). */
export const linkNotUsable = () => new ApiError('NOT_FOUND', 'this link is unknown, already used or expired');
