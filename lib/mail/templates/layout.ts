// The one layout of every e-mail: a heading, short paragraphs, one link into the app and small print,
// as plain text and as HTML, in the reader's language (`<html lang>`, the layout's own sentences).
// Everything a template supplies is text; it is escaped here, once.
import type { Locale } from '../../i18n/locales';
import type { MailT } from './define';

export type MailContent = {
  heading: string;
  paragraphs: string[];
  /** The one link into the app: a path of the app (with its query), made absolute with the app's URL. */
  action: { label: string; path: string };
  note?: string;
};

export type RenderedMail = { text: string; html: string };

const PRODUCT = 'Pulse';
const PREFERENCES_PATH = '/settings';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Where the preferences (unsubscribe) link of an optional message points. */
export const preferencesUrl = (appUrl: string) => `${appUrl}${PREFERENCES_PATH}`;

export type LayoutContext = { appUrl: string; optional: boolean; locale: Locale; t: MailT };

export function renderLayout(content: MailContent, ctx: LayoutContext): RenderedMail {
  const { t } = ctx;
  const link = `${ctx.appUrl}${content.action.path}`;
  const footer = [`${PRODUCT} · ${ctx.appUrl}`];
  if (ctx.optional) footer.push(t('layout.preferencesText', { url: preferencesUrl(ctx.appUrl) }));

  const text = [content.heading, ...content.paragraphs, `${content.action.label}: ${link}`, ...(content.note ? [content.note] : []), `-- \n${footer.join('\n')}`].join('\n\n') + '\n';

  const p = (s: string, style = 'margin:0 0 16px') => `<p style="${style}">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html lang="${ctx.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-weight:600;color:#115e59">${PRODUCT}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((s) => p(s)).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="background:#115e59;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>
${p(t('layout.buttonFallback', { url: link }), 'margin:0 0 16px;font-size:13px;color:#475569;word-break:break-all')}
${content.note ? p(content.note, 'margin:0 0 16px;font-size:13px;color:#475569') : ''}
</div>
<div style="max-width:560px;margin:16px auto 0;font-size:12px;color:#64748b">
${p(`${PRODUCT} · ${ctx.appUrl}`, 'margin:0 0 4px')}
${ctx.optional ? `<p style="margin:0"><a href="${escapeHtml(preferencesUrl(ctx.appUrl))}" style="color:#64748b">${escapeHtml(t('layout.preferencesLink'))}</a></p>` : ''}
</div>
</body></html>
`;
  return { text, html };
}
