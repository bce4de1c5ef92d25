/**
 * The daemon's event log and `GET /events`, with moby's semantics (api/server/router/system and daemon/events):
 * a ring of the last 256 events for replay, `since`/`until` as "seconds[.nanoseconds]", filters as JSON, and live
 * delivery to open streams with no heartbeat.
 */
import type { ServerResponse } from 'node:http';

/** moby daemon/events eventsLimit: replay never returns more than this, whatever `since` says. */
export const EVENTS_LIMIT = 256;
/** A reader this far behind loses events, as moby drops them for a slow subscriber (moby#36928). */
const SLOW_READER_BYTES = 1 << 20;

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  time: number;
  timeNano: bigint;
}

interface Stored {
  event: EngineEvent;
  /** The JSON line as sent: timeNano written as an exact integer (JSON.parse will round it, as with a real daemon). */
  line: string;
}

interface Subscriber {
  res: ServerResponse;
  filter: EventFilter;
  /** Set while blackholed: the client cannot hear anything more on this connection. */
  frozen: boolean;
  timer?: NodeJS.Timeout;
}

export class EngineHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Docker filters arrive as {"key":["v1","v2"]} or the older {"key":{"v1":true}}; both mean "any of these". */
export function parseFilters(raw: string | null): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  if (!raw) return filters;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new EngineHttpError(500, (error as Error).message);
  }
  for (const [key, value] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) filters.set(key, value.map(String));
    else if (value && typeof value === 'object') filters.set(key, Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] === true));
    else throw new EngineHttpError(400, `invalid filter '${key}'`);
  }
  return filters;
}

/** moby daemon/events/filter.go: AND across keys, OR within one key (labels: all must match). */
export class EventFilter {
  constructor(private readonly filters: Map<string, string[]>) {}

  includes(ev: EngineEvent): boolean {
    const name = ev.Actor.Attributes.name ?? '';
    return (
      this.matchAction(ev.Action) &&
      this.exact('type', ev.Type) &&
      this.exact('scope', ev.scope) &&
      this.byIdOrName('container', 'container', ev, name) &&
      this.byIdOrName('network', 'network', ev, name) &&
      this.byIdOrName('volume', 'volume', ev, name) &&
      this.matchImage(ev) &&
      this.matchLabels(ev.Actor.Attributes)
    );
  }

  private exact(key: string, value: string): boolean {
    const wanted = this.filters.get(key);
    return !wanted || wanted.includes(value);
  }

  /** `event=health_status` matches "health_status: healthy": moby fuzzy-matches these three suffixed actions (#25798). */
  private matchAction(action: string): boolean {
    const wanted = this.filters.get('event');
    if (!wanted) return true;
    const fuzzy = wanted.some((w) => w === 'health_status' || w === 'exec_create' || w === 'exec_start');
    return wanted.some((w) => w === action || (fuzzy && action.startsWith(w)));
  }

  /** Object filters match the actor's id (or an id prefix) or its name; they exclude events of other types. */
  private byIdOrName(key: string, type: string, ev: EngineEvent, name: string): boolean {
    const wanted = this.filters.get(key);
    if (!wanted) return true;
    if (ev.Type !== type) return false;
    return wanted.some((w) => ev.Actor.ID.startsWith(w) || name === w);
  }

  private matchImage(ev: EngineEvent): boolean {
    const wanted = this.filters.get('image');
    if (!wanted) return true;
    const image = ev.Actor.Attributes[ev.Type === 'image' ? 'name' : 'image'] ?? '';
    const stripTag = (ref: string) => ref.replace(/:[^:/]+$/, '');
    return wanted.some((w) => w === ev.Actor.ID || w === image || w === stripTag(image) || w === stripTag(ev.Actor.ID));
  }

  private matchLabels(attributes: Record<string, string>): boolean {
    const wanted = this.filters.get('label') ?? [];
    return wanted.every((w) => {
      const eq = w.indexOf('=');
      return eq < 0 ? w in attributes : attributes[w.slice(0, eq)] === w.slice(eq + 1);
    });
  }
}

/**
 * `since`/`until` as Docker parses them (timetypes.ParseTimestamps): "1700000000" or "1700000000.123456789", where
 * the fraction is scaled to nanoseconds. Like Docker, a malformed value is a 500 with Go's parse error.
 */
export function parseEventTime(value: string | null): bigint | undefined {
  if (value === null || value === '') return undefined;
  const [seconds, fraction] = value.split('.', 2);
  for (const part of fraction === undefined ? [seconds] : [seconds, fraction]) {
    if (!/^[+-]?\d+$/.test(part)) throw new EngineHttpError(500, `strconv.ParseInt: parsing "${part}": invalid syntax`);
  }
  const nanos = fraction === undefined ? 0n : BigInt(fraction.slice(0, 9).padEnd(9, '0'));
  return BigInt(seconds) * 1_000_000_000n + nanos;
}

export class EventLog {
  private readonly buffer: Stored[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private readonly wallAtStart = BigInt(Date.now()) * 1_000_000n;
  private readonly hrAtStart = process.hrtime.bigint();
  private lastNano = 0n;
  /** Events a slow reader never got. */
  dropped = 0;

  /** Nanoseconds since the epoch, strictly increasing so that replay order and `since` comparisons are exact. */
  now(): bigint {
    const t = this.wallAtStart + (process.hrtime.bigint() - this.hrAtStart);
    this.lastNano = t > this.lastNano ? t : this.lastNano + 1n;
    return this.lastNano;
  }

  /**
   * Record and deliver one event. Container and image events also carry the pre-1.22 fields status/id/from, which
   * a 1.41 daemon still sends.
   */
  emit(type: string, action: string, id: string, attributes: Record<string, string>): EngineEvent {
    const timeNano = this.now();
    const time = Number(timeNano / 1_000_000_000n);
    // Go marshals maps with sorted keys; clients that diff raw lines see the same bytes as from a daemon.
    const sorted: Record<string, string> = {};
    for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
    const event: EngineEvent = { Type: type, Action: action, Actor: { ID: id, Attributes: sorted }, scope: 'local', time, timeNano };
    const legacy = type === 'container' ? { status: action, id, from: sorted.image } : type === 'image' ? { status: action, id } : {};
    const body = JSON.stringify({ ...legacy, Type: type, Action: action, Actor: event.Actor, scope: 'local', time });
    const line = `${body.slice(0, -1)},"timeNano":${timeNano}}\n`;
    this.buffer.push({ event, line });
    if (this.buffer.length > EVENTS_LIMIT) this.buffer.shift();
    for (const sub of this.subscribers) this.deliver(sub, event, line);
    return event;
  }

  /** Answer `GET /events`: replay what `since`/`until` select, then stream live until `until` or the client leaves. */
  serve(query: URLSearchParams, res: ServerResponse, headers: Record<string, string>): void {
    const since = parseEventTime(query.get('since'));
    const until = parseEventTime(query.get('until'));
    if (until !== undefined && since !== undefined && until < since) {
      throw new EngineHttpError(400, `since time (${query.get('since')}) cannot be after until time (${query.get('until')})`);
    }
    const filter = new EventFilter(parseFilters(query.get('filters')));
    // Headers go out at once (moby flushes before the first event): clients see the stream open before anything happens.
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    res.flushHeaders();
    // Docker replays only when since or until is given; with neither, the stream starts empty.
    if (since !== undefined || until !== undefined) {
      for (const { event, line } of this.buffer) {
        if (since !== undefined && event.timeNano < since) continue;
        if (until !== undefined && event.timeNano > until) continue;
        if (filter.includes(event)) res.write(line);
      }
    }
    const now = this.now();
    if (until !== undefined && until < now) {
      res.end();
      return;
    }
    const sub: Subscriber = { res, filter, frozen: false };
    if (until !== undefined) sub.timer = setTimeout(() => this.unsubscribe(sub, true), Number((until - now) / 1_000_000n));
    this.subscribers.add(sub);
    res.on('close', () => this.unsubscribe(sub, false));
  }

  /** The route went away: nothing more reaches the streams open now, even after the route comes back. */
  freezeStreams(): void {
    for (const sub of this.subscribers) sub.frozen = true;
  }

  closeAll(): void {
    for (const sub of this.subscribers) this.unsubscribe(sub, false);
  }

  get streams(): number {
    return this.subscribers.size;
  }

  private deliver(sub: Subscriber, event: EngineEvent, line: string): void {
    if (sub.frozen || !sub.filter.includes(event)) return;
    if (sub.res.writableLength > SLOW_READER_BYTES) {
      this.dropped++;
      return;
    }
    sub.res.write(line);
  }

  private unsubscribe(sub: Subscriber, end: boolean): void {
    clearTimeout(sub.timer);
    this.subscribers.delete(sub);
    if (end && !sub.frozen) sub.res.end();
  }
}
