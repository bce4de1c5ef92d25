import { randomUUID } from 'node:crypto';
import { CreateContainerDocument, DockerHostEnvironment, ExecInContainerDocument, RegisterDockerHostDocument, RemoveContainerDocument, StartContainerDocument } from '../generated/graphql';
import { fleetDocker, loadFleet } from '../support/fleet';
import { TestServer, codeOf } from '../support/harness';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

/** Operations on a real host reached through a TCP hop the test can break, as a network would. */
describe('a host that drops mid-operation', () => {
  let server: TestServer;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const target = new URL(loadFleet().tcpEndpoint);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port) });
    server = await TestServer.start(); // DOCKER_TIMEOUT_MS is 3000 in tests
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('runs a command longer than the Engine deadline, and answers HOST_UNREACHABLE when the connection breaks under one', async () => {
    const fleet = loadFleet();
    const token = await server.token();
    const input = { name: 'hop', apiEndpoint: proxy.endpoint, environment: DockerHostEnvironment.Development };
    const hostId = (await server.ok(RegisterDockerHostDocument, { input }, token)).registerDockerHost.id;
    const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: `hop-${randomUUID().slice(0, 8)}`, network: 'none', command: ['sleep', '300'] } }, token);
    const id = createContainer.id;
    try {
      await server.ok(StartContainerDocument, { id }, token);
      // Only starting a command is bounded by the 3 s Engine deadline; the command has its own timeout.
      expect((await server.ok(ExecInContainerDocument, { id, command: ['sh', '-c', 'sleep 4; echo done'], timeoutSeconds: 30 }, token)).execInContainer).toMatchObject({ exitCode: 0, stdout: 'done\n', timedOut: false });

      const running = server.request(ExecInContainerDocument, { id, command: ['sleep', '20'], timeoutSeconds: 60 }, token);
      // Cut only once the command runs: then it is the exec's own connection that breaks.
      const docker = fleetDocker(fleet, 'tcp');
      await waitFor(async () => (await docker.getContainer(createContainer.dockerId).top()).Processes?.some((p: string[]) => p.join(' ').includes('sleep 20')), { what: 'the command running' });
      await waitFor(async () => {
        proxy.cut({ reset: true });
        return Promise.race([running.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 200))]);
      }, { what: 'the exec to fail' });
      const broken = await running;
      expect(codeOf(broken)).toBe('HOST_UNREACHABLE');
      expect(broken.errors?.[0]?.message).toMatch(/running a command in container|unreachable|broke/);
    } finally {
      await server.request(RemoveContainerDocument, { id, force: true }, token);
    }
  });
});
