// A Web Push service in the test process: an HTTPS server on 127.0.0.1 (a self-signed certificate made
// here with openssl) that receives what the app sends and checks it as a browser's push service and the
// browser would. Each subscription it hands out has its own P-256 key pair and 16-byte auth secret, as a
// browser makes them; a received message is decrypted with them here, with node:crypto only (RFC 8188
// aes128gcm record, RFC 8291 key derivation), and its VAPID Authorization (RFC 8292: an ES256 JWT for
// the endpoint's origin, at most 24 h, the sender's contact, signed by the key it names) is verified.
// Each subscription answers as its test says: 201, 410, 500, or never (a push service that hangs).
import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type Answer = 201 | 404 | 410 | 413 | 500 | 'hang';

/** What a browser's PushSubscription.toJSON() gives. */
export type BrowserSubscription = { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };

export type VapidCheck = { ok: boolean; problems: string[]; claims: { aud?: string; exp?: number; sub?: string }; publicKey: string | null };

export type ReceivedPush = {
  subscription: string; // the endpoint's id
  headers: IncomingMessage['headers'];
  /** The decrypted payload as text (null: it did not decrypt; see `problem`). */
  plaintext: string | null;
  problem: string | null;
  vapid: VapidCheck;
};

type Held = { id: string; ecdh: ReturnType<typeof createECDH>; auth: Buffer; answer: Answer };

const b64u = (b: Buffer) => b.toString('base64url');

/** A self-signed certificate for 127.0.0.1 (P-256, one day), made with openssl in a temporary folder. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'push-receiver-'));
  try {
    execFileSync('/usr/bin/openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * RFC 8291 §3.4 and RFC 8188 §2: the body is salt (16) | rs (uint32) | idlen | keyid (the sender's
 * public key) | records; each record is AES-128-GCM under keys derived from the ECDH secret and the
 * auth secret, and ends with a delimiter (2 in the last record) followed by zero padding.
 */
export function decryptAes128gcm(body: Buffer, receiver: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): string {
  if (body.length < 21) throw new Error('shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const senderKey = body.subarray(21, 21 + idlen);
  if (idlen !== 65 || senderKey[0] !== 4) throw new Error(`keyid is not an uncompressed P-256 key (idlen ${idlen})`);
  const uaPublic = receiver.ecdh.getPublicKey();
  const ecdhSecret = receiver.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, receiver.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const baseNonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const records = body.subarray(21 + idlen);
  if (rs < 18 || records.length === 0) throw new Error(`bad record size ${rs}`);
  const parts: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += rs, seq++) {
    const record = records.subarray(offset, Math.min(offset + rs, records.length));
    const nonce = Buffer.from(baseNonce);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8); // the sequence number, XORed into the low bits
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--; // padding
    const last = offset + rs >= records.length;
    if (end < 0 || plain[end] !== (last ? 2 : 1)) throw new Error(`record ${seq} has no ${last ? 'last-record' : 'record'} delimiter`);
    parts.push(plain.subarray(0, end));
  }
  return Buffer.concat(parts).toString('utf8');
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT ES256-signed by k, for `audience`, expiring within 24 h. */
export function checkVapid(header: string | undefined, audience: string, nowMs = Date.now()): VapidCheck {
  const problems: string[] = [];
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (!m) return { ok: false, problems: [`Authorization is not "vapid t=…, k=…": ${header ?? '(none)'}`], claims: {}, publicKey: null };
  const [, jwt, k] = m as unknown as [string, string, string];
  const [head, body, signature] = jwt.split('.') as [string, string, string];
  const header64 = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string; typ?: string };
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  if (header64.alg !== 'ES256') problems.push(`alg is ${header64.alg}`);
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) problems.push('k is not an uncompressed P-256 key');
  else {
    const key = createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) } });
    const signed = verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
    if (!signed) problems.push('the signature does not verify with k');
  }
  if (claims.aud !== audience) problems.push(`aud is ${claims.aud}, not ${audience}`);
  const nowS = nowMs / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= nowS || claims.exp > nowS + 24 * 3600 + 60) problems.push(`exp ${claims.exp} is not within the next 24 h`);
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) problems.push(`sub ${claims.sub} is not a mailto: or https: contact`);
  return { ok: problems.length === 0, problems, claims, publicKey: k };
}

export async function startPushReceiver() {
  const { key, cert } = selfSignedCertificate();
  const held = new Map<string, Held>();
  const received: ReceivedPush[] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      const sub = id ? held.get(id) : undefined;
      if (req.method !== 'POST' || !sub) {
        res.writeHead(404).end();
        return;
      }
      let plaintext: string | null = null;
      let problem: string | null = null;
      try {
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`Content-Encoding is ${req.headers['content-encoding']}`);
        plaintext = decryptAes128gcm(Buffer.concat(chunks), sub);
      } catch (error) {
        problem = (error as Error).message;
      }
      received.push({ subscription: sub.id, headers: req.headers, plaintext, problem, vapid: checkVapid(req.headers.authorization, origin) });
      if (sub.answer === 'hang') return; // never answers; closed with the server
      res.writeHead(sub.answer, sub.answer === 201 ? { location: `${origin}/message/${randomUUID()}` } : {}).end();
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `https://127.0.0.1:${port}`;

  return {
    origin,
    /** host:port, for PUSH_ENDPOINT_HOSTS. */
    host: `127.0.0.1:${port}`,
    received,
    /** Trusts this receiver's certificate only (web-push's `agent` option): TLS checks stay on. */
    agent: new Agent({ ca: cert }),
    /** A new browser subscription (fresh keys) that answers `answer`. */
    subscribe(answer: Answer = 201): BrowserSubscription & { id: string } {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      held.set(id, { id, ecdh, auth, answer });
      return { id, endpoint: `${origin}/push/${id}`, expirationTime: null, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
    },
    answer(id: string, answer: Answer) {
      held.get(id)!.answer = answer;
    },
    /** The messages received for one subscription, in order. */
    of(id: string) {
      return received.filter((r) => r.subscription === id);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type PushReceiver = Awaited<ReturnType<typeof startPushReceiver>>;
