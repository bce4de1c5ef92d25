import Docker from 'dockerode';
import { VaultTokens } from '../../src/vault/vault.client';
import {
  AccountQuotaDocument,
  ContainerInstanceDocument,
  ContainerInstanceStatus,
  DockerHostEnvironment,
  RegisterDockerHostDocument,
  RotateTaskCallbackSecretDocument,
  RunContainerInstanceDocument,
  VaultTokenDelivery,
} from '../generated/graphql';
import { CallbackReceiver } from '../support/callback-receiver';
import { loadSwarmFleet, swarmNode } from '../support/fleet';
import { createIsolatedDatabase, newAccountId } from '../support/harness';
import { Instance, instanceToken } from '../support/instances';
import { buildDist } from '../support/process';
import { VaultTestServer } from '../support/vault-server';
import { waitFor } from '../support/wait';

/**
 * An API process SIGKILLed while one run is RUNNING and another PROVISIONING (its Vault answer in flight): the
 * process that takes over finds both by their lapsed leases and ends them as they should end — the running one at its
 * stored deadline, the provisioning one from a clean slate — with every token revoked, the quota back to 0 and one
 * signed delivery per terminal state.
 */
describe('container instances across an API crash', () => {
  const vaultServer = new VaultTestServer({ host: '10.210.10.1', policies: { 'job-read': ['secret/data/app/'] } });
  let receiver: CallbackReceiver;
  let database: { url: string; drop(): Promise<void> };
  const processes: Instance[] = [];

  beforeAll(async () => {
    buildDist();
    await vaultServer.start();
    receiver = await CallbackReceiver.start();
    database = await createIsolatedDatabase();
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await receiver?.close();
    await vaultServer.stop();
    await database?.drop();
  });

  it('ends a RUNNING run at its deadline and re-provisions a PROVISIONING one after its driver is killed, leaving no token, charge or container behind', async () => {
    const env = { DATABASE_URL: database.url, VAULT_ADDR: vaultServer.address, VAULT_TOKEN: vaultServer.rootToken, INSTANCE_LEASE_SECONDS: '3', TASK_CALLBACK_ALLOW: '127.0.0.1', TASK_CALLBACK_BACKOFF_MS: '100', SYNC_WORKER_ENABLED: 'false', VAULT_POLICY_PATTERN: 'job-*' };
    const a = await Instance.start('a', env);
    processes.push(a);
    const token = await instanceToken(newAccountId());
    receiver.secret = (await a.ok(RotateTaskCallbackSecretDocument, {}, token)).rotateTaskCallbackSecret.secret;
    const s4 = swarmNode(loadSwarmFleet(), 's4');
    const hostId = (await a.ok(RegisterDockerHostDocument, { input: { name: 's4', apiEndpoint: s4.endpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 } }, token)).registerDockerHost.id;
    const spec = (name: string, command: string, timeoutSeconds: number) => ({ name, container: { image: 'fleet/busybox', command: ['sh', '-c', command] }, timeoutSeconds, killGraceSeconds: 1, memoryMb: 16, cpuMillicores: 100, vaultPolicies: ['job-read'], vaultDelivery: VaultTokenDelivery.Env });
    const run = async (name: string, command: string, timeoutSeconds: number) =>
      (await a.ok(RunContainerInstanceDocument, { input: { spec: spec(name, command, timeoutSeconds), hostId, taskRef: { id: `task-${name}`, callbackUrl: receiver.url(`/${name}`) } } }, token)).runContainerInstance.id;
    const statusOn = async (on: Instance, id: string) => (await on.ok(ContainerInstanceDocument, { id }, token)).containerInstance;

    const long = await run('long', 'sleep 120', 8);
    await waitFor(async () => (await statusOn(a, long)).status === ContainerInstanceStatus.Running, { what: 'the long run RUNNING' });
    vaultServer.createDelayMs = 1500;
    const asked = vaultServer.createRequests;
    const short = await run('short', 'echo two', 60);
    await waitFor(() => vaultServer.createRequests > asked, { what: 'the short run asking Vault for its token' });
    await a.kill();
    vaultServer.createDelayMs = 0;

    const b = await Instance.start('b', env);
    processes.push(b);
    const longEnd = await waitFor(async () => {
      const instance = await statusOn(b, long);
      return instance.status === ContainerInstanceStatus.Running ? null : instance;
    }, { timeoutMs: 40_000, what: 'the long run to end' });
    expect(longEnd.status).toBe(ContainerInstanceStatus.TimedOut);
    // Stopped by its new driver at the stored deadline (plus the grace), not left to run its 120 s.
    expect(new Date(longEnd.finishedAt!).getTime() - new Date(longEnd.deadlineAt!).getTime()).toBeLessThan(6000);
    const shortEnd = await waitFor(async () => {
      const instance = await statusOn(b, short);
      return instance.status === ContainerInstanceStatus.Completed || instance.status === ContainerInstanceStatus.Failed ? instance : null;
    }, { timeoutMs: 40_000, what: 'the short run to end' });
    expect(shortEnd).toMatchObject({ status: ContainerInstanceStatus.Completed, stdout: 'two\n' });
    expect(shortEnd.transitions.map((t) => t.status)).toEqual([ContainerInstanceStatus.Pending, ContainerInstanceStatus.Provisioning, ContainerInstanceStatus.Provisioning, ContainerInstanceStatus.Running, ContainerInstanceStatus.Completed]);

    // No token of either run is alive — also not the one Vault issued to the dead driver, whose accessor it never stored.
    const vault = new VaultTokens({ address: vaultServer.address, token: vaultServer.rootToken, timeoutMs: 3000 });
    expect(await vault.accessorsWithMeta('instance_id', long)).toEqual([]);
    expect(await vault.accessorsWithMeta('instance_id', short)).toEqual([]);
    expect((await b.ok(AccountQuotaDocument, {}, token)).accountQuota.use.concurrentInstances).toBe(0);
    const docker = new Docker({ socketPath: s4.socket.replace('unix://', '') });
    for (const id of [long, short]) expect(await docker.listContainers({ all: true, filters: { label: [`io.fleet-control.instance=${id}`] } })).toEqual([]);

    // One signed delivery per terminal state, each with its own delivery id.
    const deliveries = await waitFor(() => (receiver.at('/long').length && receiver.at('/short').length ? [...receiver.at('/long'), ...receiver.at('/short')] : null), { what: 'both deliveries' });
    expect(deliveries.map((d) => [d.headers['x-fleet-event'], d.signatureValid])).toEqual([['container_instance.timed_out', true], ['container_instance.completed', true]]);
    expect(JSON.parse(deliveries[1]!.body)).toMatchObject({ event: 'container_instance.completed', instanceId: short, task: { id: 'task-short' }, data: { id: short, status: 'COMPLETED', stdout: 'two\n', exitCode: 0 } });
  });
});
