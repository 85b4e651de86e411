// A fault-injecting HTTP proxy for the sync client's integration test: each request takes the next fault
// of a schedule (then passes): the connection dropped before or after the server answered, a 503 or 429
// with Retry-After, the request delivered twice (at once or one after the other), or a "crash" (the
// test's hook runs: it kills the client and starts another on the same store) before or after delivery.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'pass' | 'drop-before' | 'drop-after' | 'crash-before' | 'crash-after' }
  | { kind: '503' | '429'; retryAfter: 0 | 1 }
  | { kind: 'duplicate'; concurrent: boolean };

type Upstream = { status: number; headers: Record<string, string>; body: string };

export type FaultProxy = { url: string; served: Fault[]; upstreamStatuses: number[]; close: () => Promise<void> };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFaultProxy(upstreamBase: string, schedule: Fault[], onCrash: () => void): Promise<FaultProxy> {
  const queue = [...schedule];
  const served: Fault[] = [];
  const upstreamStatuses: number[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const fault = queue.shift() ?? { kind: 'pass' };
      served.push(fault);
      const forward = async (): Promise<Upstream> => {
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type', 'idempotency-key']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const answer = await fetch(upstreamBase + req.url, { method: req.method, headers, body });
        upstreamStatuses.push(answer.status);
        const out: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
        for (const name of ['retry-after', 'idempotent-replayed']) {
          const value = answer.headers.get(name);
          if (value !== null) out[name] = value;
        }
        return { status: answer.status, headers: out, body: await answer.text() };
      };
      const reply = (answer: Upstream) => res.writeHead(answer.status, answer.headers).end(answer.body);

      switch (fault.kind) {
        case 'pass':
          return reply(await forward());
        case 'drop-before':
          return req.socket.destroy();
        case 'drop-after':
          await forward();
          return req.socket.destroy();
        case 'crash-before':
          onCrash();
          return req.socket.destroy();
        case 'crash-after':
          await forward();
          onCrash();
          return req.socket.destroy();
        case '503':
        case '429': {
          const code = fault.kind === '503' ? 'SERVICE_UNAVAILABLE' : 'RATE_LIMITED';
          res.writeHead(Number(fault.kind), { 'content-type': 'application/json', 'retry-after': String(fault.retryAfter) });
          return res.end(JSON.stringify({ error: { code, message: 'injected by the test proxy' } }));
        }
        case 'duplicate': {
          if (fault.concurrent) {
            const [first] = await Promise.all([forward(), forward()]);
            return reply(first);
          }
          await forward();
          return reply(await forward());
        }
      }
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    upstreamStatuses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
