import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ContainersDocument, DockerHostEnvironment, RegisterDockerHostDocument } from '../generated/graphql';
import { dockerPsA, fleetDocker, loadFleet } from '../support/fleet';
import { TestServer, expectInventoryToMatch } from '../support/harness';
import { waitFor } from '../support/wait';

/** PostgreSQL is restarted (the machine's real server) while a host is being synced and its containers churn. */
describe('a PostgreSQL restart during syncing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.syncing();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('survives, resumes syncing, and leaves no duplicate rows', async () => {
    const fleet = loadFleet();
    const docker = fleetDocker(fleet, 'tcp');
    const token = await server.token();
    const input = { name: 'pg-restart', apiEndpoint: fleet.tcpEndpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 30 };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'the event stream' });

    // Containers come and go on the host for as long as the restart takes.
    const prefix = `pgr-${randomUUID().slice(0, 6)}`;
    let churning = true;
    let made = 0;
    const churn = (async () => {
      while (churning) {
        const c = await docker.createContainer({ Image: fleet.image, name: `${prefix}-${made++}`, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
        await c.start();
        if (made % 2 === 0) await c.remove({ force: true });
      }
    })();
    try {
      await waitFor(() => made >= 5, { what: 'churn to start' });
      const cluster = readdirSync('/etc/postgresql')[0]!;
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'restart', '-m', 'fast'], { stdio: 'ignore' });
      await waitFor(() => made >= 15, { what: 'churn to go on after the restart' });
    } finally {
      churning = false;
      await churn.catch(() => undefined);
    }
    try {
      // Still serving, and the inventory converges on Docker's own answer (synced again after the outage).
      await expectInventoryToMatch(server, token, host.id, docker, { timeoutMs: 40_000 });
      // No row twice (the unique keys would refuse it: this shows no write path fell over them either).
      const { containers } = await server.ok(ContainersDocument, { filter: { hostId: host.id }, first: 500 }, token);
      expect(new Set(containers.nodes.map((c) => c.dockerId)).size).toBe(containers.nodes.length);
    } finally {
      await Promise.all(Object.keys(await dockerPsA(docker)).filter((n) => n.startsWith(prefix)).map((n) => docker.getContainer(n).remove({ force: true }).catch(() => undefined)));
    }
  });
});
