/**
 * B14: CPU time of the API process (process.cpuUsage: user + system) while 100 container instances run on s4 and
 * are metered for a window of T seconds, against the raw way to meter them: 100 concurrent dockerode stats streams
 * (stream: true) on 100 containers of the same spec, each split into lines, JSON-parsed, folded by the same
 * usageFromStats + UsageMeter. Ours is everything the API does for running runs in that window: its stats streams
 * (one per run), the usage flushes (a fenced write and an exec-event read per run every INSTANCE_USAGE_FLUSH_MS, the
 * product's default 5 s here), the lease renewals and deadline timers. The bench process is the API process (the
 * server runs in it); PostgreSQL's own CPU is not counted on either side. Raw first, then ours (100 containers each
 * time; the two sets never run together).
 */
import '../support/setup-env';
import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Readable } from 'node:stream';
import { usageFromStats } from '../../src/docker/docker.mapping';
import { UsageMeter } from '../../src/instances/instance.usage';
import { ContainerInstanceStatus, ContainerInstancesDocument, RunContainerInstanceDocument } from '../generated/graphql';
import { waitFor } from '../support/wait';
import { Cleanup, progress, round, sleep, type BenchOutcome, type Benchmark } from './bench.support';
import { instanceBench, removeLabelled } from './instance-bench.support';

const INSTANCES = 100;
const WINDOW_MS = 20_000;
const TARGET = 1.2;
/** Creating 100 containers at once would only queue in the Engine: a few at a time, as an operator's script would. */
const PARALLEL = 10;

async function inBatches<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(fn));
}

/**
 * CPU milliseconds this process spends over `ms` of wall time (its timers and sockets keep working meanwhile). With
 * B14_PROFILE=<dir> set, the window is also CPU-profiled into <dir>/b14-<side>.cpuprofile (the profiler's own cost
 * then counts, so profiled figures are for finding where the time goes, not for the table).
 */
async function cpuOver(ms: number, side: string): Promise<{ cpuMs: number; wallMs: number }> {
  const dir = process.env.B14_PROFILE;
  const session = dir ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const began = performance.now();
  const start = process.cpuUsage();
  await sleep(ms);
  const used = process.cpuUsage(start);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${dir}/b14-${side}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - began };
}

export const b14: Benchmark = {
  id: 'B14',
  title: `usage sampling of ${INSTANCES} running instances: API process CPU vs ${INSTANCES} raw dockerode stats streams (s4)`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const bench = await instanceBench(cleanup);
      const { server, token, hostId, raw } = bench;

      // Raw: 100 containers, 100 stats streams folded the same way.
      const tag = `b14-${randomUUID().slice(0, 6)}`;
      progress(`B14: raw: creating ${INSTANCES} containers`);
      const containers: Docker.Container[] = [];
      await inBatches(Array.from({ length: INSTANCES }, (_, i) => i), async () => {
        const c = await raw.createContainer(bench.rawBody(600, tag));
        await c.start();
        containers.push(c);
      });
      let rawFrames = 0;
      const streams: Readable[] = [];
      const meters = containers.map(() => new UsageMeter());
      await Promise.all(containers.map(async (c, i) => {
        const stream = (await c.stats({ stream: true })) as unknown as Readable;
        streams.push(stream);
        let rest = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.trim()) continue;
            const frame = JSON.parse(line) as Record<string, unknown>;
            const read = frame.read as string | undefined;
            meters[i]!.add({ ...usageFromStats(frame), at: read && !read.startsWith('0001') ? new Date(read) : new Date() });
            rawFrames++;
          }
        });
        stream.on('error', () => undefined);
      }));
      cleanup.add('close the raw stats streams', () => streams.forEach((s) => s.destroy()));
      await waitFor(() => meters.every((m) => m.value.samples >= 2), { timeoutMs: 30_000, what: 'every raw stream flowing' });
      progress(`B14: raw: measuring ${WINDOW_MS / 1000} s`);
      const framesBefore = rawFrames;
      const rawCpu = await cpuOver(WINDOW_MS, 'raw');
      const rawWindowFrames = rawFrames - framesBefore;
      streams.forEach((s) => s.destroy());
      await removeLabelled(raw, `io.fleet-control.bench=${tag}`);

      // Ours: 100 runs, metered by the API.
      progress(`B14: ours: running ${INSTANCES} instances`);
      await inBatches(Array.from({ length: INSTANCES }, (_, i) => i), async () => {
        const result = await server.request(RunContainerInstanceDocument, { input: { spec: bench.spec(600), hostId } }, token);
        if (!result.data) throw new Error(`B14: runContainerInstance failed: ${JSON.stringify(result.errors)}`);
      });
      const pg = server.app.orm.em.getConnection();
      const sampled = async () => Number((await pg.execute<Array<{ n: string }>>(`select count(*) as n from container_instances where status = 'RUNNING' and (usage->>'samples')::int >= 2`))[0]!.n);
      const samplesSum = async () => Number((await pg.execute<Array<{ s: string }>>(`select coalesce(sum((usage->>'samples')::int), 0) as s from container_instances`))[0]!.s);
      await waitFor(async () => {
        const running = (await server.ok(ContainerInstancesDocument, { filter: { status: ContainerInstanceStatus.Running }, first: 0 }, token)).containerInstances.totalCount;
        return running === INSTANCES && (await sampled()) === INSTANCES;
      }, { timeoutMs: 60_000, what: `${INSTANCES} instances RUNNING with flushed usage` });
      progress(`B14: ours: measuring ${WINDOW_MS / 1000} s`);
      const flushedBefore = await samplesSum();
      const oursCpu = await cpuOver(WINDOW_MS, 'ours');
      const flushedAfter = await samplesSum();
      progress('B14: ending the runs');
      await bench.endAll(90_000);

      const ratio = oursCpu.cpuMs / rawCpu.cpuMs;
      const perSecond = (x: { cpuMs: number; wallMs: number }) => (x.cpuMs / x.wallMs) * 1000;
      return {
        rows: [{ id: 'B14', what: `API CPU metering ${INSTANCES} running instances, ${WINDOW_MS / 1000} s`, ours: `${round(oursCpu.cpuMs, 0)} ms CPU`, baseline: `${round(rawCpu.cpuMs, 0)} ms CPU (${INSTANCES} raw stats streams)`, ratio: round(ratio, 2), target: `≤ ${TARGET}x`, met: ratio <= TARGET }],
        details: {
          method: `raw first: ${INSTANCES} containers (sleep) created and started, ${INSTANCES} dockerode stats streams parsed line by line into usageFromStats + UsageMeter; once all flowed, process.cpuUsage over ${WINDOW_MS} ms; containers removed. Then ours: ${INSTANCES} runContainerInstance (direct spec, hostId s4, no Vault token); once all were RUNNING with flushed usage, process.cpuUsage over the same window. The server runs in this process (sync worker off).`,
          instances: INSTANCES,
          windowMs: WINDOW_MS,
          usageFlushMs: Number(process.env.INSTANCE_USAGE_FLUSH_MS ?? 5000),
          ours: { cpuMs: round(oursCpu.cpuMs, 1), wallMs: round(oursCpu.wallMs, 0), cpuMsPerSecond: round(perSecond(oursCpu), 1), flushedSamplesInWindow: flushedAfter - flushedBefore },
          raw: { cpuMs: round(rawCpu.cpuMs, 1), wallMs: round(rawCpu.wallMs, 0), cpuMsPerSecond: round(perSecond(rawCpu), 1), framesInWindow: rawWindowFrames },
          cpuMsPerInstanceSecond: { ours: round(perSecond(oursCpu) / INSTANCES, 3), raw: round(perSecond(rawCpu) / INSTANCES, 3) },
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
