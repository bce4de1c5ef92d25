import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { DockerHostEnvironment, RegisterDockerHostDocument } from '../generated/graphql';
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
      await churn;
    }

    // Still serving, and the inventory converges on Docker's own answer (synced again after the outage).
    await expectInventoryToMatch(server, token, host.id, docker, { timeoutMs: 40_000 });

    const connection = server.app.orm.em.getConnection();
    expect(await connection.execute('select host_id, docker_id from containers group by 1, 2 having count(*) > 1')).toEqual([]);
    expect(await connection.execute('select 1 from docker_events group by host_id, time_nano, type, action, actor_id having count(*) > 1')).toEqual([]);
    expect(server.logs.join('')).toMatch(/host sync (cycle crashed|tick failed)|applying docker events failed/);
    await Promise.all(Object.keys(await dockerPsA(docker)).filter((n) => n.startsWith(prefix)).map((n) => docker.getContainer(n).remove({ force: true })));
  });
});
