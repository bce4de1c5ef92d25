import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A small Vault-HTTP-compatible server with exactly what src/vault uses: orphan tokens (optionally response-wrapped),
 * lookup and revoke by accessor, single-use unwrap, KV v2 reads under a policy model of name → path prefixes, health.
 * Answers have real Vault's shapes and status codes. stop()/start() keep the port so a test can take Vault down and up.
 */
interface Token { id: string; accessor: string; policies: string[]; meta: Record<string, string>; expiresAt: number; wrapped?: unknown }

export class VaultTestServer {
  readonly rootToken = `hvs.root-${randomBytes(8).toString('hex')}`;
  private readonly tokens = new Map<string, Token>();
  private readonly kv = new Map<string, Record<string, unknown>>();
  private server?: http.Server;
  private port: number;
  /** token create-orphan answers after this long: holds a run in PROVISIONING for a test. */
  createDelayMs = 0;
  /** token create-orphan requests received (answered or not). */
  createRequests = 0;

  constructor(private readonly options: { policies: Record<string, string[]>; port?: number; host?: string }) {
    this.port = options.port ?? 0;
  }

  get address(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  putKv(mount: string, path: string, data: Record<string, unknown>): void {
    this.kv.set(`${mount}/data/${path}`, data);
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.port, this.options.host ?? '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const denied = () => send(403, { errors: ['permission denied'] });
    const path = (req.url ?? '').split('?')[0];
    const caller = this.live(String(req.headers['x-vault-token'] ?? ''));
    const root = req.headers['x-vault-token'] === this.rootToken;

    if (path === '/v1/sys/health') return send(200, { initialized: true, sealed: false, standby: false, version: '1.15.0-test' });
    if (path === '/v1/sys/wrapping/unwrap' && req.method === 'POST') {
      if (!caller?.wrapped) return send(400, { errors: ['wrapping token is not valid or does not exist'] });
      this.tokens.delete(caller.id);
      return send(200, caller.wrapped);
    }
    if (path === '/v1/auth/token/lookup-self') return caller ? send(200, { data: this.describe(caller) }) : denied();
    if (path.startsWith('/v1/auth/token/')) {
      if (!root) return denied();
      if (path === '/v1/auth/token/create-orphan' && req.method === 'POST') {
        this.createRequests++;
        if (this.createDelayMs) await new Promise((resolve) => setTimeout(resolve, this.createDelayMs));
        return this.create(body, req, send);
      }
      if (path === '/v1/auth/token/accessors' && (req.method === 'LIST' || req.url?.includes('list=true') || req.url?.includes('list=1'))) {
        return send(200, { data: { keys: [...this.tokens.values()].filter((t) => t.expiresAt > Date.now() && !t.wrapped && t.policies[0] !== 'response-wrapping').map((t) => t.accessor) } });
      }
      const token = [...this.tokens.values()].find((t) => t.accessor === body.accessor && t.expiresAt > Date.now() && !t.wrapped);
      if (path === '/v1/auth/token/lookup-accessor') return token ? send(200, { data: { ...this.describe(token), id: '' } }) : send(400, { errors: ['invalid accessor'] });
      if (path === '/v1/auth/token/revoke-accessor') {
        if (!token) return send(400, { errors: ['invalid accessor'] });
        this.tokens.delete(token.id);
        return send(204);
      }
    }
    const kvPath = path.replace(/^\/v1\//, '');
    if (req.method === 'GET' && kvPath.includes('/data/')) {
      const allowed = root || (caller && !caller.wrapped && caller.policies.some((p) => (this.options.policies[p] ?? []).some((prefix) => kvPath.startsWith(prefix))));
      if (!allowed) return denied();
      const data = this.kv.get(kvPath);
      return data ? send(200, { data: { data, metadata: { version: 1 } } }) : send(404, { errors: [] });
    }
    send(404, { errors: [`no handler for route "${path}"`] });
  }

  private create(body: { policies?: string[]; ttl?: string; meta?: Record<string, string> }, req: http.IncomingMessage, send: (s: number, p?: unknown) => void): void {
    const policies = body.policies ?? [];
    const unknown = policies.filter((p) => !(p in this.options.policies));
    // Real Vault refuses a non-root caller's policies it does not hold; this server knows only its policy set.
    if (unknown.length) return send(400, { errors: [`policy ${unknown.join(', ')} does not exist`] });
    const ttl = parseInt(body.ttl ?? '3600', 10);
    const token = this.issue({ policies, meta: body.meta ?? {}, ttl });
    const auth = { client_token: token.id, accessor: token.accessor, policies, token_policies: policies, metadata: token.meta, lease_duration: ttl, renewable: false, orphan: true };
    const wrapTtl = req.headers['x-vault-wrap-ttl'];
    if (!wrapTtl) return send(200, { auth, wrap_info: null, data: null });
    const wrapSeconds = parseInt(String(wrapTtl), 10);
    const wrapper = this.issue({ policies: ['response-wrapping'], meta: {}, ttl: wrapSeconds });
    wrapper.wrapped = { auth, wrap_info: null, data: null };
    send(200, { auth: null, data: null, wrap_info: { token: wrapper.id, accessor: wrapper.accessor, ttl: wrapSeconds, creation_time: new Date().toISOString(), creation_path: 'auth/token/create-orphan', wrapped_accessor: token.accessor } });
  }

  private issue(spec: { policies: string[]; meta: Record<string, string>; ttl: number }): Token {
    const token: Token = { id: `hvs.${randomBytes(12).toString('hex')}`, accessor: randomBytes(12).toString('hex'), policies: spec.policies, meta: spec.meta, expiresAt: Date.now() + spec.ttl * 1000 };
    this.tokens.set(token.id, token);
    return token;
  }

  private live(id: string): Token | undefined {
    const token = this.tokens.get(id);
    return token && token.expiresAt > Date.now() ? token : undefined;
  }

  private describe(token: Token) {
    return { accessor: token.accessor, policies: token.policies, meta: token.meta, ttl: Math.max(0, Math.round((token.expiresAt - Date.now()) / 1000)), orphan: true };
  }
}
