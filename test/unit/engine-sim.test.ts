import Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { SimulatedEngine } from '../sim/engine-sim';

interface DockerEvent {
  status?: string;
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
  timeNano: number;
}

/** Reads newline-delimited JSON events (chunks do not align with lines) until `count` arrived, or the stream ends. */
function readEvents(stream: Readable, count = Infinity): Promise<DockerEvent[]> {
  return new Promise((resolve, reject) => {
    const events: DockerEvent[] = [];
    let pending = '';
    const finish = () => {
      stream.off('data', onData);
      resolve(events);
    };
    const onData = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line.trim()) events.push(JSON.parse(line) as DockerEvent);
        if (events.length >= count) return finish();
      }
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('error', reject);
  });
}

/** `until` a moment just past everything emitted so far, as fractional seconds ("1700000000.123"). */
async function untilNow(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return Date.now() / 1000;
}

describe(SimulatedEngine.name, () => {
  let engine: SimulatedEngine;
  let docker: Docker;

  beforeEach(async () => {
    engine = await SimulatedEngine.start({ containers: 200, seed: 42 });
    docker = new Docker({ protocol: 'http', host: '127.0.0.1', port: engine.port });
  });

  afterEach(() => engine.close());

  it('lists every generated container, newest first, with Docker 20.10 fields and a realistic mix of states', async () => {
    const rows = await docker.listContainers({ all: true });

    expect(rows).toHaveLength(200);
    expect(engine.endpoint).toBe(`tcp://127.0.0.1:${engine.port}`);
    for (const row of rows) {
      expect(row.Id).toMatch(/^[0-9a-f]{64}$/);
      expect(row.Names[0]).toMatch(/^\/[\w.-]+$/);
      expect(row.ImageID).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(row.NetworkSettings.Networks).toBeDefined();
    }
    expect(rows.map((r) => r.Created)).toEqual(rows.map((r) => r.Created).sort((a, b) => b - a));
    const running = rows.filter((r) => r.State === 'running');
    expect(running.length / rows.length).toBeGreaterThan(0.55);
    expect(running.every((r) => r.Status.startsWith('Up '))).toBe(true);
    expect(rows.some((r) => /^Exited \([1-9]\d*\) .+ ago$/.test(r.Status))).toBe(true);
    expect(rows.some((r) => /\((healthy|unhealthy|health: starting)\)$/.test(r.Status))).toBe(true);
    expect(rows.some((r) => r.Ports.some((p) => p.PublicPort && p.IP === '0.0.0.0'))).toBe(true);
  });

  it('generates the same inventory for the same seed', async () => {
    const twin = await SimulatedEngine.start({ containers: 200, seed: 42 });
    try {
      expect(twin.containerIds()).toEqual(engine.containerIds());
    } finally {
      await twin.close();
    }
  });

  it('inspects a container consistently with its list row, by id, 12-character prefix or name', async () => {
    const row = (await docker.listContainers({ all: true })).find((r) => r.State === 'running' && r.Ports.length > 0)!;

    const doc = await docker.getContainer(row.Id).inspect();

    expect(doc.Id).toBe(row.Id);
    expect(doc.Name).toBe(row.Names[0]);
    expect(Math.floor(Date.parse(doc.Created) / 1000)).toBe(row.Created);
    expect(doc.State).toMatchObject({ Status: 'running', Running: true, Paused: false, Restarting: false, Dead: false, ExitCode: 0 });
    expect(doc.State.Pid).toBeGreaterThan(0);
    expect(doc.Image).toBe(row.ImageID);
    expect(doc.Config.Labels).toEqual(row.Labels);
    expect(Object.keys(doc.NetworkSettings.Networks)).toEqual(Object.keys(row.NetworkSettings.Networks));
    expect((await docker.getContainer(row.Id.slice(0, 12)).inspect()).Id).toBe(row.Id);
    expect((await docker.getContainer(row.Names[0].slice(1)).inspect()).Id).toBe(row.Id);
  });

  it("answers an unknown container with 404 and Docker's message", async () => {
    await expect(docker.getContainer('nope').inspect()).rejects.toMatchObject({ statusCode: 404, json: { message: 'No such container: nope' } });
  });

  it('accepts a supported version prefix and refuses a newer API version, as a 20.10 daemon does', async () => {
    const pinned = new Docker({ protocol: 'http', host: '127.0.0.1', port: engine.port, version: 'v1.41' });
    const tooNew = new Docker({ protocol: 'http', host: '127.0.0.1', port: engine.port, version: 'v1.44' });

    expect(await pinned.listContainers({ all: true })).toHaveLength(200);
    await expect(tooNew.listContainers()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('replays at most the last 256 events, like moby, when asked since the epoch', async () => {
    engine.emitNoise(300);

    const stream = (await docker.getEvents({ since: 0, until: await untilNow() })) as unknown as Readable;
    const replayed = await readEvents(stream);

    expect(replayed).toHaveLength(256);
    // The 44 oldest fell out (noise comes as exec_create, exec_start, exec_die triplets); oldest first, newest last.
    expect(replayed[0].Action).toBe('exec_die');
    expect(replayed[1].Action).toMatch(/^exec_create: /);
    expect(replayed[255].Action).toBe('exec_die');
    expect(replayed.every((e, i) => i === 0 || e.timeNano >= replayed[i - 1].timeNano)).toBe(true);
  });

  it('streams a start event live, with the legacy status field and container attributes', async () => {
    const stopped = engine.containerIds({ state: 'exited' })[0];
    const stream = (await docker.getEvents({ filters: { type: ['container'] } })) as unknown as Readable;
    const next = readEvents(stream, 1);

    engine.startContainer(stopped);

    const [event] = await next;
    stream.destroy();
    expect(event).toMatchObject({ status: 'start', Type: 'container', Action: 'start', Actor: { ID: stopped } });
    expect(event.Actor.Attributes.name).toBeTruthy();
    expect((await docker.getContainer(stopped).inspect()).State.Running).toBe(true);
  });

  it('emits kill, die with the exit code, then stop when a container stops', async () => {
    const id = engine.containerIds({ state: 'running' })[0];
    const since = Date.now() / 1000 - 1;

    engine.stopContainer(id, 3);

    const stream = (await docker.getEvents({ since, until: await untilNow(), filters: { container: [id] } })) as unknown as Readable;
    const events = await readEvents(stream);
    expect(events.map((e) => e.Action)).toEqual(['kill', 'die', 'stop']);
    expect(events[0].Actor.Attributes.signal).toBe('15');
    expect(events[1].Actor.Attributes.exitCode).toBe('3');
    const row = (await docker.listContainers({ all: true, filters: { id: [id] } }))[0];
    expect(row.Status).toBe('Exited (3) Less than a second ago');
  });

  it('swallows requests while blackholed, so only a client timeout ends them, and answers again once restored', async () => {
    const impatient = new Docker({ protocol: 'http', host: '127.0.0.1', port: engine.port, timeout: 200 });
    engine.blackhole(true);
    const began = Date.now();

    await expect(impatient.listContainers()).rejects.toThrow();

    expect(Date.now() - began).toBeGreaterThanOrEqual(190);
    expect(engine.requestCounts()['GET /containers/json']).toBe(1);
    engine.blackhole(false);
    expect(String(await impatient.ping())).toBe('OK');
  });

  it('ends open event streams on close()', async () => {
    const stream = (await docker.getEvents()) as unknown as Readable;
    const closed = new Promise((resolve) => stream.once('close', resolve));
    stream.on('error', () => undefined);
    expect(engine.eventStreams).toBe(1);

    await engine.close();

    await expect(closed).resolves.toBeUndefined();
  });
});
