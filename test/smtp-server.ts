// A real SMTP server in the test process (smtp-server): it records each message it accepts (envelope
// and the raw RFC 5322 text, decoded into its parts), or refuses with the reply the test sets.
import { rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  headers: Map<string, string>;
  /** Decoded bodies by content type (text/plain, text/html). */
  parts: Map<string, string>;
};

/** An SMTP reply to refuse with, at RCPT TO (a recipient) or after DATA (the message). */
export type Refusal = { code: number; message: string; at: 'rcpt' | 'data' };

const refuse = (r: Refusal) => Object.assign(new Error(r.message), { responseCode: r.code });

/**
 * `saveTo`: also write each accepted message to that folder as `<n>.json` ({ from, to, headers, parts }),
 * for readers in other processes (the test server's mail, read by the test workers: test/received-mail.ts).
 */
export async function startSmtpServer(options: { saveTo?: string } = {}) {
  const received: ReceivedMail[] = [];
  let refusal: Refusal | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(refusal?.at === 'rcpt' ? refuse(refusal) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusal?.at === 'data') return callback(refuse(refusal));
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        const mail = { from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((r) => r.address), raw, ...parseMessage(raw) };
        received.push(mail);
        if (!options.saveTo) return callback(null);
        const file = JSON.stringify({ from: mail.from, to: mail.to, headers: Object.fromEntries(mail.headers), parts: Object.fromEntries(mail.parts) });
        // Complete files only: written aside, then renamed into place.
        const name = path.join(options.saveTo, `${Date.now()}-${received.length}`);
        writeFile(`${name}.tmp`, file)
          .then(() => rename(`${name}.tmp`, `${name}.json`))
          .then(() => callback(null), (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Refuse every message from now on with this reply (null: accept again). */
    refuseWith(r: Refusal | null) {
      refusal = r;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** Header block → lower-case names to unfolded values. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const text = body.replace(/=\r?\n/g, ''); // soft line breaks
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const hex = text.slice(i + 1, i + 3);
      if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** The top-level headers and the leaf parts of a (possibly multipart) message. */
function parseMessage(raw: string): { headers: Map<string, string>; parts: Map<string, string> } {
  const split = (text: string) => {
    const at = text.search(/\r?\n\r?\n/);
    return { head: parseHeaders(text.slice(0, at)), body: text.slice(at).replace(/^\r?\n\r?\n/, '') };
  };
  const parts = new Map<string, string>();
  const walk = (text: string) => {
    const { head, body } = split(text);
    const type = head.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.startsWith('multipart/') && boundary) {
      for (const section of body.split(`--${boundary}`).slice(1, -1)) walk(section.replace(/^\r?\n/, ''));
    } else {
      parts.set(type.split(';')[0]!.trim().toLowerCase(), decodeBody(body, head.get('content-transfer-encoding')?.toLowerCase()));
    }
  };
  walk(raw);
  return { headers: split(raw).head, parts };
}
