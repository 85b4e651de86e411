// Integration (HTTP): /developers renders for a signed-out visitor, with every example of lib/docs as the
// guide shows it, and its header in the visitor's language around the English guide.
import { describe, expect, it } from 'vitest';
import { CLIENT_EXAMPLE } from '@/lib/docs/client-example';
import { answerText, curlCommand, EXAMPLES } from '@/lib/docs/integrator-examples';
import { MESSAGES } from '@/lib/i18n/messages';
import { api } from '@/test/http';

// As React writes text into HTML.
const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#x27;').replaceAll('"', '&quot;');

describe('/developers', () => {
  it('renders for a signed-out visitor: every section, every example, the client example', async () => {
    const res = await api<string>('/developers');
    expect(res.status).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('>Integrator guide</h1>');
    for (const id of ['register', 'sync', 'errors', 'idempotency', 'rate-limits', 'nightscout']) expect(html).toContain(`id="${id}"`);
    for (const example of Object.values(EXAMPLES)) {
      expect(html).toContain(escaped(curlCommand(example)));
      expect(html).toContain(escaped(answerText(example)));
    }
    expect(html).toContain(escaped(CLIENT_EXAMPLE));
    expect(html).toContain('href="/api-docs"');
    expect(html).toContain('href="/login"'); // signed out: the way to sign in
  });

  it('keeps its header in the visitor’s language around the English guide', async () => {
    const ta = MESSAGES.ta;
    const res = await api<string>('/developers', { headers: { cookie: 'pulse-locale=ta' } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<html lang="ta"');
    expect(res.body).toContain(`>${ta.landing.signIn}</a>`);
    expect(res.body).toContain(ta.common.language);
    expect(res.body).toContain('<main lang="en"');
  });

  it('is linked from the API reference', async () => {
    const res = await api<string>('/api-docs');
    expect(res.body).toContain('href="/developers"');
  });
});
