// Every e-mail template by name (the name is stored with each queued message).
import type { z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';
import { translator } from '../../i18n/messages';
import { alreadyRegistered } from './already-registered';
import { doctorApproved, doctorRejected } from './doctor-review';
import { emailChanged } from './email-changed';
import { invitation } from './invitation';
import type { MailT } from './define';
import { alertMessage, notificationMessage } from './notification';
import { renderLayout, type RenderedMail } from './layout';
import { passwordReset } from './password-reset';
import { testMessage } from './test-message';
import { verifyEmail } from './verify-email';

export const TEMPLATES = {
  'verify-email': verifyEmail,
  'already-registered': alreadyRegistered,
  'password-reset': passwordReset,
  'email-changed': emailChanged,
  invitation,
  'doctor-approved': doctorApproved,
  'doctor-rejected': doctorRejected,
  test: testMessage,
  alert: alertMessage,
  notification: notificationMessage,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateData<T extends TemplateName> = z.input<(typeof TEMPLATES)[T]['schema']>;

export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(TEMPLATES, name);

/** The subject stored with a queued message (the admin's outbox list): the English one, naming no one. */
export const storedSubject = (name: TemplateName) => TEMPLATES[name].subject(translator(DEFAULT_LOCALE, 'mail'));

/**
 * The subject, text and HTML of a message in `locale` (the reader's; English when not given); throws
 * when the data does not fit the template.
 */
export function renderTemplate(name: TemplateName, data: unknown, ctx: { appUrl: string; optional: boolean; locale?: Locale }): RenderedMail & { subject: string } {
  const template = TEMPLATES[name];
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'mail');
  const content = (template.content as (d: unknown, t: MailT) => ReturnType<typeof template.content>)(template.schema.parse(data), t);
  return { subject: template.subject(t), ...renderLayout(content, { appUrl: ctx.appUrl, optional: ctx.optional, locale, t }) };
}
