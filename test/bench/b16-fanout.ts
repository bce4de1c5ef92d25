/**
 * B16: fan-out of container events to 1,000 graphql-ws subscribers (one socket each) spread over 4 accounts, against
 * a raw `ws` broadcast of the very same JSON (the message our server sent, captured) to 1,000 raw sockets.
 *
 * A round is one container state change per account, published where the sync engine publishes it
 * (pubsub CONTAINER_STATE_CHANGED for the account): every subscriber gets exactly one message. Measured:
 *  - saturation: rounds back to back, each waited for; the round time is publish -> last subscriber's arrival;
 *    throughput ratio = raw round time / our round time (target ≥ 0.15×);
 *  - latency at half the saturating rate: rounds published every 2 × our median round time without waiting, every
 *    delivery's publish -> arrival; p99 ≤ 100 ms;
 *  - isolation: every message a subscriber receives is checked to be its own account's (target 0 cross-account).
 * Clients and server share this process (both sides pay the same client parsing).
 */
import '../support/setup-env';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { ContainerTopic, type ContainerStateChangePayload } from '../../src/containers/container.topics';
import { ContainerState } from '../../src/containers/container.enums';
import type { Container } from '../../src/containers/container.entity';
import { TestServer, newAccountId } from '../support/harness';
import { waitFor } from '../support/wait';
import { Cleanup, ms, progress, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const ACCOUNTS = 4;
const SUBSCRIBERS = 1000;
const WARMUP_ROUNDS = 5;
const SATURATION_ROUNDS = 20;
const PACED_ROUNDS = 40;
const TARGET_RATIO = 0.15;
const TARGET_P99_MS = 100;
const SUBSCRIPTION = 'subscription { containerStateChanged { hostId previousState state removed at container { id dockerId name state exitCode health startedAt finishedAt } } }';

interface Subscriber {
  account: number;
  socket: WebSocket;
  /** Arrival time of each round's message, by round. */
  arrivals: Map<number, number>;
}

/** Opens `n` sockets to `url` in lanes (a thousand at once would queue on the accept backlog). */
async function openSockets(url: string, n: number, setup: (socket: WebSocket, i: number) => Promise<void>): Promise<WebSocket[]> {
  const sockets: WebSocket[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: 20 }, async () => {
    for (let i = next++; i < n; i = next++) {
      const socket = new WebSocket(url, url.includes('/graphql') ? 'graphql-transport-ws' : undefined);
      await once(socket, 'open');
      await setup(socket, i);
      sockets[i] = socket;
    }
  }));
  return sockets;
}

/** The change of round `r` for account `a`: its host and container ids name the account, for the isolation check. */
function change(accountIndex: number, r: number): ContainerStateChangePayload {
  const at = new Date();
  const container = { id: `00000000-0000-4000-8000-${String(accountIndex).padStart(4, '0')}${String(r).padStart(8, '0')}`, dockerId: `acct${accountIndex}-round${r}`, name: `fan-${accountIndex}`, state: ContainerState.RUNNING, exitCode: null, health: 'NONE', startedAt: at, finishedAt: null } as unknown as Container;
  return { hostId: `host-of-${accountIndex}`, container, previousState: ContainerState.CREATED, state: ContainerState.RUNNING, removed: false, at };
}

/** Account index and round of a delivered message (ours and raw carry the same JSON). */
function readMessage(data: WebSocket.RawData): { account: number; round: number } | null {
  const message = JSON.parse(data.toString()) as { type: string; payload?: { data?: { containerStateChanged?: { hostId: string; container: { dockerId: string } } } } };
  const c = message.payload?.data?.containerStateChanged;
  if (message.type !== 'next' || !c) return null;
  const [, account, r] = /^acct(\d+)-round(\d+)$/.exec(c.container.dockerId) ?? [];
  return { account: Number(account), round: Number(r) };
}

export const b16: Benchmark = {
  id: 'B16',
  title: `one container event per account fanned out to ${SUBSCRIBERS} graphql-ws subscribers over ${ACCOUNTS} accounts vs a raw ws broadcast`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const accounts = Array.from({ length: ACCOUNTS }, () => newAccountId());
      const tokens = await Promise.all(accounts.map((accountId) => server.token({ accountId, ttlSeconds: 3600 })));
      const pubsub = server.app.services.pubsub;
      let crossAccount = 0;
      let errors = 0;
      let firstMessage: string | undefined;

      // Ours: graphql-ws protocol spoken over plain ws sockets (the same client library as the raw side).
      progress(`B16: opening ${SUBSCRIBERS} graphql-ws subscriptions`);
      const ours: Subscriber[] = [];
      cleanup.add('close our subscribers', () => ours.forEach((s) => s.socket.terminate()));
      await openSockets(server.wsUrl, SUBSCRIBERS, async (socket, i) => {
        const account = i % ACCOUNTS;
        const subscriber: Subscriber = { account, socket, arrivals: new Map() };
        ours.push(subscriber);
        const acked = new Promise<void>((resolve, reject) => {
          socket.on('message', (data) => {
            const at = performance.now();
            const text = data.toString();
            const type = (JSON.parse(text) as { type: string }).type;
            if (type === 'connection_ack') return resolve();
            if (type === 'error') errors++;
            const m = readMessage(data);
            if (!m) return;
            firstMessage ??= text;
            if (m.account !== account) crossAccount++;
            else if (!subscriber.arrivals.has(m.round)) subscriber.arrivals.set(m.round, at);
          });
          socket.once('close', (code) => reject(new Error(`B16: subscriber socket closed (${code})`)));
        });
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens[account]}` } }));
        await acked;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
      });

      // Subscriptions register some time after the subscribe message: probe rounds until every subscriber has one.
      let r = 0;
      const publishRound = (n: number) => {
        for (let a = 0; a < ACCOUNTS; a++) pubsub.publish(ContainerTopic.StateChanged, accounts[a]!, change(a, n));
      };
      await waitFor(
        () => {
          publishRound(++r);
          return ours.every((s) => s.arrivals.size > 0);
        },
        { what: 'every subscription to deliver', timeoutMs: 60_000 },
      );
      const firstRound = r + 1;

      // Raw: a ws server broadcasting the captured JSON (with the round's ids) to the same number of sockets.
      const rawServer = new WebSocketServer({ port: 0, host: '127.0.0.1' });
      cleanup.add('close the raw ws server', () => new Promise((resolve) => rawServer.close(resolve)));
      await once(rawServer, 'listening');
      const rawGroups: WebSocket[][] = Array.from({ length: ACCOUNTS }, () => []);
      let rawAccepted = 0;
      rawServer.on('connection', (socket, request) => {
        rawGroups[Number(new URL(request.url!, 'http://x').searchParams.get('account'))]!.push(socket);
        rawAccepted++;
      });
      const raw: Subscriber[] = [];
      cleanup.add('close the raw clients', () => raw.forEach((s) => s.socket.terminate()));
      progress(`B16: opening ${SUBSCRIBERS} raw ws sockets`);
      const rawPort = (rawServer.address() as AddressInfo).port;
      for (let i = 0; i < SUBSCRIBERS; i++) {
        const account = i % ACCOUNTS;
        const subscriber: Subscriber = { account, socket: undefined as unknown as WebSocket, arrivals: new Map() };
        raw.push(subscriber);
        const socket = new WebSocket(`ws://127.0.0.1:${rawPort}/?account=${account}`);
        subscriber.socket = socket;
        socket.on('message', (data) => {
          const at = performance.now();
          const m = readMessage(data);
          if (!m) return;
          if (m.account !== account) crossAccount++;
          else if (!subscriber.arrivals.has(m.round)) subscriber.arrivals.set(m.round, at);
        });
        await once(socket, 'open');
      }
      await waitFor(() => rawAccepted === SUBSCRIBERS, { what: 'the raw server to accept every socket' });
      const template = firstMessage!;
      const rawRound = (n: number) => {
        for (let a = 0; a < ACCOUNTS; a++) {
          // The same JSON our server sent, with this round's ids and time (built once per account, as a broadcast).
          const c = change(a, n);
          const json = template.replace(/acct\d+-round\d+/, c.container.dockerId).replace(/host-of-\d+/, c.hostId).replace(/"id":"00000000-[^"]+"/, `"id":"${c.container.id}"`);
          for (const socket of rawGroups[a]!) socket.send(json);
        }
      };

      const roundTime = async (subscribers: Subscriber[], publish: (n: number) => void, n: number): Promise<number | null> => {
        const began = performance.now();
        publish(n);
        const done = await waitFor(() => subscribers.every((s) => s.arrivals.has(n)), { what: `round ${n}`, timeoutMs: 10_000 }).then(() => true, () => false);
        if (!done) return null;
        return Math.max(...subscribers.map((s) => s.arrivals.get(n)!)) - began;
      };

      progress(`B16: ${WARMUP_ROUNDS} warm-up + ${SATURATION_ROUNDS} saturation rounds each side, alternating`);
      const saturation = { ours: [] as number[], raw: [] as number[] };
      let lostRounds = 0;
      let n = firstRound;
      for (let i = 0; i < WARMUP_ROUNDS + SATURATION_ROUNDS; i++) {
        const order = i % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const);
        for (const side of order) {
          const took = await roundTime(side === 'ours' ? ours : raw, side === 'ours' ? publishRound : rawRound, n++);
          if (took === null) lostRounds++;
          else if (i >= WARMUP_ROUNDS) saturation[side].push(took);
        }
      }
      const oursRound = summarize(saturation.ours);
      const rawRoundSummary = summarize(saturation.raw);
      const ratio = rawRoundSummary.median / oursRound.median;

      // Half the saturating rate: a round every 2 × our median round time, not waiting for the previous one.
      const everyMs = Math.max(1, 2 * oursRound.median);
      progress(`B16: ${PACED_ROUNDS} rounds every ${everyMs.toFixed(1)} ms (half the saturating rate)`);
      const paced: Array<{ n: number; at: number }> = [];
      const pacedBegan = performance.now();
      for (let i = 0; i < PACED_ROUNDS; i++) {
        const due = pacedBegan + i * everyMs;
        // Pacing, not waiting for a condition: the publisher's clock.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        paced.push({ n, at: performance.now() });
        publishRound(n++);
      }
      const last = paced.at(-1)!.n;
      const allPaced = await waitFor(() => ours.every((s) => s.arrivals.has(last)), { what: 'the last paced round', timeoutMs: 10_000 }).then(() => true, () => false);
      const deliveries: number[] = [];
      let lostDeliveries = 0;
      for (const { n: pn, at } of paced) {
        for (const s of ours) {
          const arrived = s.arrivals.get(pn);
          if (arrived === undefined) lostDeliveries++;
          else deliveries.push(arrived - at);
        }
      }
      const delivery = summarize(deliveries);
      const sorted = [...deliveries].sort((a, b) => a - b);
      const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? Number.NaN;

      const ratePerSecond = (roundMs: number) => Math.round((SUBSCRIBERS / roundMs) * 1000);
      return {
        rows: [
          { id: 'B16', what: `${SUBSCRIBERS} deliveries per round (median round)`, ours: ms(oursRound.median), baseline: `raw ${ms(rawRoundSummary.median)}`, ratio: round(ratio, 3), target: `>= ${TARGET_RATIO}x`, met: ratio >= TARGET_RATIO && lostRounds === 0 },
          { id: 'B16', what: `delivery p99 at half the saturating rate`, ours: ms(p99), baseline: '—', ratio: null, target: `<= ${TARGET_P99_MS} ms`, met: p99 <= TARGET_P99_MS && lostDeliveries === 0 },
          { id: 'B16', what: 'cross-account messages', ours: String(crossAccount), baseline: '—', ratio: null, target: '0', met: crossAccount === 0 && errors === 0 },
        ],
        details: {
          accounts: ACCOUNTS,
          subscribers: SUBSCRIBERS,
          method: 'one round = one CONTAINER_STATE_CHANGED publish per account (each subscriber gets one message); saturation rounds waited for one by one, ours and raw alternating; raw = ws server sending the JSON our server sent (ids swapped) to 1,000 plain ws sockets; paced rounds every 2 x our median round time without waiting',
          saturation: { ours: rounded(oursRound), raw: rounded(rawRoundSummary), oursDeliveriesPerSecond: ratePerSecond(oursRound.median), rawDeliveriesPerSecond: ratePerSecond(rawRoundSummary.median), lostRounds },
          paced: { everyMs: round(everyMs, 2), rounds: PACED_ROUNDS, delivery: rounded(delivery), p99Ms: round(p99, 2), lostDeliveries, allArrived: allPaced },
          crossAccount,
          errorMessages: errors,
          messageBytes: template.length,
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
