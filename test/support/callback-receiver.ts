import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** X-Fleet-Signature checked against the secret the receiver holds at the time. */
  signatureValid: boolean;
}

type Answer = { status: number; headers?: Record<string, string> };

/**
 * A real HTTP receiver on 127.0.0.1 (port 0), as a linked task's system would run one: it verifies each delivery's
 * signature over the raw body with the account's secret and answers from a per-path script (the last answer repeats).
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  secret = '';
  private readonly scripts = new Map<string, Answer[]>();
  private server!: Server;
  port = 0;

  static async start(): Promise<CallbackReceiver> {
    const receiver = new CallbackReceiver();
    receiver.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const path = req.url ?? '/';
        receiver.received.push({ path, headers: req.headers, body: raw.toString('utf8'), signatureValid: receiver.verify(raw, req.headers['x-fleet-signature']) });
        const script = receiver.scripts.get(path) ?? [{ status: 200 }];
        const answer = script.length > 1 ? script.shift()! : script[0]!;
        res.writeHead(answer.status, answer.headers).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.port = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Answers to give at `path`, in order; the last one repeats. */
  answer(path: string, ...answers: Answer[]): void {
    this.scripts.set(path, answers);
  }

  at(path: string): ReceivedCallback[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private verify(raw: Buffer, header: string | string[] | undefined): boolean {
    if (typeof header !== 'string' || !this.secret) return false;
    const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
