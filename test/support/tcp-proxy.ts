import net from 'node:net';

export type ProxyTarget = { host: string; port: number } | { path: string };

/**
 * A loopback TCP proxy in front of a TCP or unix-socket target that a test can break the way networks break:
 * - `freeze()`: a blackholed path. No byte moves in either direction, every socket stays open, new connections are
 *   accepted but reach nothing (the upstream connection is made at thaw). Neither side sees a close: a close on one
 *   side is held like data. This is the half-open connection a keep-alive client never notices by itself.
 * - `thaw()`: the path heals. What was held is delivered in order (as TCP retransmission would), closes included;
 *   `cut()` before `thaw()` to drop it instead.
 * - `cut()`: every current connection is destroyed (FIN, or RST with `{ reset: true }`); new ones are served.
 * A target that refuses (a killed daemon) shows as any proxy shows it: accepted, then closed ("socket hang up").
 */
export class TcpProxy {
  private readonly links = new Set<Link>();
  private frozen = false;
  private acceptedCount = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly target: ProxyTarget,
  ) {
    server.on('connection', (client: net.Socket) => {
      this.acceptedCount++;
      const link = new Link(client, this.target, this.frozen, () => this.links.delete(link));
      this.links.add(link);
    });
  }

  /** `listenHost`: another loopback address (127.0.0.2) reaches the target under a name its certificate does not carry. */
  static async start(target: ProxyTarget, listenHost = '127.0.0.1'): Promise<TcpProxy> {
    // Half-open allowed: a client's FIN is passed on, not answered by closing. Paused: nothing is read before the
    // upstream connection exists.
    const proxy = new TcpProxy(net.createServer({ allowHalfOpen: true, pauseOnConnect: true }), target);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, listenHost, () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }
  get endpoint(): string {
    return `tcp://${(this.server.address() as net.AddressInfo).address}:${this.port}`;
  }
  /** Connections open now (a client connection with its upstream counts once). */
  get connections(): number {
    return this.links.size;
  }
  /** Connections accepted since the start. */
  get accepted(): number {
    return this.acceptedCount;
  }
  get isFrozen(): boolean {
    return this.frozen;
  }

  freeze(): void {
    this.frozen = true;
    for (const link of this.links) link.freeze();
  }

  thaw(): void {
    this.frozen = false;
    for (const link of [...this.links]) link.thaw();
  }

  /** Destroys every current connection, and drops what was held for them. */
  cut(options: { reset?: boolean } = {}): void {
    for (const link of [...this.links]) link.destroy(options.reset ?? false);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const END = Symbol('end');
/** What one side sent: bytes, its FIN, or its close (hadError: it was reset or failed). */
type Item = Buffer | typeof END | { close: boolean };

/** One client connection and its upstream. */
class Link {
  private upstream: net.Socket | undefined;
  private readonly held = new Map<net.Socket, Item[]>(); // by the side that sent it
  private dead = false;

  constructor(
    private readonly client: net.Socket,
    private readonly target: ProxyTarget,
    private frozen: boolean,
    private readonly gone: () => void,
  ) {
    client.on('error', () => undefined); // 'close' follows
    client.on('close', () => this.checkGone());
    if (!frozen) this.open();
  }

  freeze(): void {
    this.frozen = true;
    this.client.pause();
    this.upstream?.pause();
  }

  thaw(): void {
    this.frozen = false;
    if (this.dead) return;
    if (!this.upstream) return this.open();
    for (const [from, to] of [[this.client, this.upstream], [this.upstream, this.client]] as const) {
      const items = this.held.get(from) ?? [];
      this.held.delete(from);
      for (const item of items) this.deliver(from, to, item);
      if (!to.writableNeedDrain) from.resume();
    }
  }

  destroy(reset: boolean): void {
    this.dead = true;
    this.held.clear();
    if (reset && !this.client.destroyed) this.client.resetAndDestroy(); // the client side is always TCP
    else this.client.destroy();
    this.upstream?.destroy();
    this.checkGone();
  }

  private open(): void {
    const options = 'path' in this.target ? { path: this.target.path } : { host: this.target.host, port: this.target.port };
    const upstream = net.connect({ ...options, allowHalfOpen: true });
    this.upstream = upstream;
    upstream.on('error', () => undefined); // refused or reset: 'close' follows and closes the client
    upstream.on('close', () => this.checkGone());
    this.wire(this.client, upstream);
    this.wire(upstream, this.client);
    this.client.resume();
  }

  private wire(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk: Buffer) => this.pass(from, to, chunk));
    from.on('end', () => this.pass(from, to, END));
    from.on('close', (hadError: boolean) => this.pass(from, to, { close: hadError }));
  }

  private pass(from: net.Socket, to: net.Socket, item: Item): void {
    if (this.dead) return;
    if (!this.frozen) return this.deliver(from, to, item);
    from.pause();
    this.held.set(from, [...(this.held.get(from) ?? []), item]);
  }

  private deliver(from: net.Socket, to: net.Socket, item: Item): void {
    if (to.destroyed) return;
    if (Buffer.isBuffer(item)) {
      if (!to.write(item)) {
        from.pause();
        to.once('drain', () => this.frozen || from.resume());
      }
    } else if (item === END) {
      to.end();
    } else if (item.close) {
      to.destroy(); // the other side was reset or failed
    } else if (to.writableFinished) {
      to.destroy(); // the other side is gone: nothing more can come or go
    } else {
      to.end(() => to.destroy()); // after what is still queued for it
    }
  }

  private checkGone(): void {
    if (this.client.destroyed && (!this.upstream || this.upstream.destroyed)) this.gone();
  }
}
