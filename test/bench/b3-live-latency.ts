/**
 * B3: what the live API adds on top of Docker's own event stream, on the real fleet's TCP host. The sync worker holds
 * the host and streams its events; we subscribe to containerStateChanged over graphql-ws and, on the side, read the
 * Engine's /events ourselves. For each container started: added latency = our RUNNING message − the raw start event.
 * Then a burst of concurrent starts: every one must come through.
 * B3e: the same on the embedded default (`npm start` with no DATABASE_URL: PGlite in the API's own process, one
 * backend session shared by every connection), to say how fresh a newcomer's first fleet is.
 */
import '../support/setup-env';
import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ContainerState, ContainerStateChangedDocument, DockerHostEnvironment, RegisterDockerHostDocument } from '../generated/graphql';
import { fleetDocker, loadFleet } from '../support/fleet';
import { TestServer } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { waitFor } from '../support/wait';
import { Arrivals, Cleanup, ms, progress, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const SEQUENTIAL = 30;
const BURST = 20;
const BURST_WINDOW_MS = 10_000;
const TARGET_P50_MS = 25;
const TARGET_P95_MS = 100;

/** Bounded parallelism for setup and teardown calls to the Engine. */
async function inLanes<T>(items: readonly T[], lanes: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
  }));
}

async function removeLabelled(docker: Docker, label: string): Promise<number> {
  const left = await docker.listContainers({ all: true, filters: { label: [label] } });
  await inLanes(left, 8, (c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined));
  return left.length;
}

function liveLatency(id: 'B3' | 'B3e', database: 'postgresql' | 'embedded'): Benchmark {
  return {
    id,
    title: `added latency of containerStateChanged over the raw Docker /events stream (real fleet TCP host, ${database === 'embedded' ? 'embedded PGlite default' : 'PostgreSQL'})`,
    async run(): Promise<BenchOutcome> {
      const cleanup = new Cleanup();
      const run = `${id.toLowerCase()}-${randomUUID().slice(0, 8)}`;
      const label = `fleet.bench=${run}`;
      try {
        const fleet = loadFleet();
        const docker = fleetDocker(fleet, 'tcp');
        // Registered first, so it runs last: whatever this run created on the fleet goes, even after a crash midway.
        cleanup.add('remove the containers this run created', async () => progress(`${id}: removed ${await removeLabelled(docker, label)} containers`));

        let embeddedDataDir: string | undefined;
        if (database === 'embedded') {
          const dir = mkdtempSync(path.join(tmpdir(), `fleet-${run}-`));
          embeddedDataDir = dir;
          cleanup.add('remove the embedded database folder', () => rmSync(dir, { recursive: true, force: true }));
        }
        const server = await TestServer.start({ SYNC_WORKER_ENABLED: 'true', SYNC_TICK_SECONDS: '1', SYNC_LEASE_SECONDS: '5' }, { isolatedDatabase: true, logLevel: 'warn', embeddedDataDir });
        cleanup.add('close the server and drop its database', () => server.close());
        const token = await server.token();
        const input = { name: run, apiEndpoint: fleet.tcpEndpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 };
        const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
        if (host.status !== 'CONNECTED') throw new Error(`${id}: the fleet TCP host registered as ${host.status}: ${host.lastError}`);
        await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'the event stream of the host', timeoutMs: 15_000 });

        // Our side: every message, stamped on arrival, keyed by state and Docker id.
        const ours = new Arrivals();
        const client = server.wsClient({ authorization: `Bearer ${token}` });
        cleanup.add('dispose the graphql-ws client', () => client.dispose());
        const subscription = subscribe(client, ContainerStateChangedDocument, { hostId: host.id });
        let subscriptionError: unknown;
        void (async () => {
          for await (const result of subscription) {
            const at = performance.now();
            if (result.errors?.length) subscriptionError = new Error(JSON.stringify(result.errors));
            const change = result.data?.containerStateChanged;
            if (change) ours.mark(`${change.state}:${change.container.dockerId}`, at);
          }
        })().catch((error: unknown) => (subscriptionError = error));

        // The baseline side: Docker's own stream of start events on the same Engine.
        const raw = new Arrivals();
        const events = (await docker.getEvents({ filters: { type: ['container'], event: ['start'] } })) as unknown as Readable;
        cleanup.add('close the raw /events stream', () => events.destroy());
        let rest = '';
        events.on('data', (chunk: Buffer) => {
          const at = performance.now();
          const lines = (rest + chunk.toString('utf8')).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.trim()) continue;
            const event = JSON.parse(line) as { id?: string; Actor?: { ID?: string } };
            raw.mark(`start:${event.Actor?.ID ?? event.id}`, at);
          }
        });
        events.on('error', () => undefined);

        const create = async (name: string) =>
          (await docker.createContainer({ Image: fleet.image, name, Cmd: ['sleep', '300'], Labels: { 'fleet.bench': run }, HostConfig: { NetworkMode: 'none' } })).id;

        // The server registers a subscription some time after the client sends it: probe until a CREATED comes through.
        progress(`${id}: waiting for the subscription to be live`);
        for (let attempt = 0; ; attempt++) {
          const probe = await create(`${run}-probe-${attempt}`);
          if ((await ours.wait(`${ContainerState.Created}:${probe}`, 1000)) !== null) break;
          if (attempt >= 20) throw new Error(`${id}: the subscription never delivered a message${subscriptionError ? `: ${String(subscriptionError)}` : ''}`);
        }

        progress(`${id}: creating ${SEQUENTIAL + BURST} containers on ${fleet.tcpEndpoint}`);
        const ids: string[] = [];
        await inLanes(Array.from({ length: SEQUENTIAL + BURST }, (_, i) => i), 4, async (i) => {
          ids[i] = await create(`${run}-${String(i).padStart(2, '0')}`);
        });
        // Let the create events settle first, so a start is never measured behind the processing of a create.
        const createdLate = (await Promise.all(ids.map((id) => ours.wait(`${ContainerState.Created}:${id}`, 15_000)))).filter((t) => t === null).length;
        if (createdLate > 0) throw new Error(`${id}: ${createdLate} CREATED messages never arrived`);

        progress(`${id}: starting ${SEQUENTIAL} containers one at a time`);
        const samples: Array<{ id: string; startCallMs: number; rawAfterReturnMs: number | null; addedMs: number | null; oursAfterReturnMs: number | null }> = [];
        for (const id of ids.slice(0, SEQUENTIAL)) {
          const began = performance.now();
          await docker.getContainer(id).start();
          const returned = performance.now();
          const [rawAt, oursAt] = await Promise.all([raw.wait(`start:${id}`, 5000), ours.wait(`${ContainerState.Running}:${id}`, 5000)]);
          samples.push({
            id,
            startCallMs: returned - began,
            rawAfterReturnMs: rawAt === null ? null : rawAt - returned,
            addedMs: rawAt === null || oursAt === null ? null : oursAt - rawAt,
            oursAfterReturnMs: oursAt === null ? null : oursAt - returned,
          });
        }
        const added = summarize(samples.flatMap((s) => (s.addedMs === null ? [] : [s.addedMs])));
        const rawLatency = summarize(samples.flatMap((s) => (s.rawAfterReturnMs === null ? [] : [s.rawAfterReturnMs])));
        const missedSequential = samples.filter((s) => s.addedMs === null).length;

        progress(`${id}: starting ${BURST} containers at once`);
        const burst = ids.slice(SEQUENTIAL);
        const burstBegan = performance.now();
        const startErrors = (await Promise.all(burst.map((id) => docker.getContainer(id).start().then(() => null, (e: unknown) => String(e))))).filter((e) => e !== null);
        const deadline = BURST_WINDOW_MS - (performance.now() - burstBegan);
        const [oursBurst, rawBurst] = await Promise.all([
          Promise.all(burst.map((id) => ours.wait(`${ContainerState.Running}:${id}`, Math.max(0, deadline)))),
          Promise.all(burst.map((id) => raw.wait(`start:${id}`, Math.max(0, deadline)))),
        ]);
        const received = oursBurst.filter((t) => t !== null).length;
        const rawReceived = rawBurst.filter((t) => t !== null).length;
        const lost = BURST - received;
        const burstAdded = summarize(burst.flatMap((_, i) => (oursBurst[i] != null && rawBurst[i] != null ? [oursBurst[i]! - rawBurst[i]!] : [])));
        const burstLastMs = Math.max(...oursBurst.map((t) => (t === null ? 0 : t - burstBegan)));

        const details = {
          host: fleet.tcpEndpoint,
          database: database === 'embedded' ? 'embedded PGlite (no DATABASE_URL), in the API process' : 'PostgreSQL (isolated database)',
          method:
            'TestServer with the sync worker (event stream) on; graphql-ws subscription containerStateChanged(hostId) and a raw dockerode getEvents(type=container, event=start) in the same process, both stamped with performance.now() on arrival; containers started one at a time, each waited for on both sides before the next',
          addedLatencyMs: rounded(added),
          rawBaselineMs: { meaning: 'start call returned -> raw start event arrived (negative: the event came before the call returned)', ...rounded(rawLatency) },
          startCallMs: rounded(summarize(samples.map((s) => s.startCallMs))),
          oursAfterStartReturnedMs: rounded(summarize(samples.flatMap((s) => (s.oursAfterReturnMs === null ? [] : [s.oursAfterReturnMs])))),
          missedSequential,
          burst: { started: BURST, startErrors, windowMs: BURST_WINDOW_MS, received, rawReceived, lost, lastMessageAfterMs: round(burstLastMs, 1), addedLatencyMs: rounded(burstAdded) },
          samples: samples.map((s) => ({ ...s, id: s.id.slice(0, 12), startCallMs: round(s.startCallMs, 2), rawAfterReturnMs: s.rawAfterReturnMs === null ? null : round(s.rawAfterReturnMs, 2), addedMs: s.addedMs === null ? null : round(s.addedMs, 2), oursAfterReturnMs: s.oursAfterReturnMs === null ? null : round(s.oursAfterReturnMs, 2) })),
          subscriptionError: subscriptionError ? String(subscriptionError) : null,
        };
        return {
          rows: [
            { id, what: `added latency p50 (${added.n}/${SEQUENTIAL} starts)`, ours: ms(added.p50), baseline: `raw ${ms(rawLatency.p50)}`, ratio: null, target: `<= ${TARGET_P50_MS} ms`, met: added.p50 <= TARGET_P50_MS && missedSequential === 0 },
            { id, what: 'added latency p95', ours: ms(added.p95), baseline: `raw ${ms(rawLatency.p95)}`, ratio: null, target: `<= ${TARGET_P95_MS} ms`, met: added.p95 <= TARGET_P95_MS && missedSequential === 0 },
            { id, what: `burst of ${BURST} starts, lost in ${BURST_WINDOW_MS / 1000} s`, ours: `${lost} lost (${received}/${BURST})`, baseline: `raw ${rawReceived}/${BURST}`, ratio: null, target: '0 lost', met: lost === 0 },
          ],
          details,
        };
      } finally {
        await cleanup.run();
      }
    },
  };
}

export const b3 = liveLatency('B3', 'postgresql');
export const b3e = liveLatency('B3e', 'embedded');
