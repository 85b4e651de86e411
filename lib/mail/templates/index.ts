// Every e-mail template by name (the name is stored with each queued message).
import type { z } from 'zod';
import { alreadyRegistered } from './already-registered';
import { doctorApproved, doctorRejected } from './doctor-review';
import { emailChanged } from './email-changed';
import { invitation } from './invitation';
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

/** The text and HTML of a message; throws when the data does not fit the template. */
export function renderTemplate(name: TemplateName, data: unknown, ctx: { appUrl: string; optional: boolean }): RenderedMail {
  const template = TEMPLATES[name];
  const content = (template.content as (d: unknown) => ReturnType<typeof template.content>)(template.schema.parse(data));
  return renderLayout(content, ctx);
}
