import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CancelContainerInstanceDocument, ContainerInstanceStatus, DockerHostDocument, DockerHostStatus, FleetClient, RemoveStackDocument, RunContainerInstanceDocument, ContainerInstanceDocument } from '../../src/client';
import { loadSwarmFleet, swarmNode } from '../support/fleet';
import { TestServer } from '../support/harness';
import { buildDist } from '../support/process';
import { VaultTestServer } from '../support/vault-server';
import { waitFor } from '../support/wait';

const ROOT = path.resolve(__dirname, '../..');

/** `npm run procedure -- …` as a user runs it (the compiled script, against the test server), with its output and exit code. */
function procedure(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'dist/src/procedures/run.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH!, ...env }, timeout: 110_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

/** The ids on the last line, `OK <name> {json}`. */
const resultOf = (out: string) => JSON.parse(/^OK [a-z-]+ (\{.*\})$/m.exec(out)?.[1] ?? 'null') as Record<string, string> | null;

/**
 * The runbook's procedures and verification list as scripts, run against a real server on the real fleet: the swarm's
 * worker s4 as a plain Docker host, the fleet's swarm through its mutual-TLS manager, a Vault test server for run tokens.
 */
describe('npm run procedure (the runbook procedures as scripts)', () => {
  const vault = new VaultTestServer({ policies: { 'job-read': ['secret/data/app/'] } });
  let server: TestServer;
  let env: Record<string, string>;
  let client: FleetClient;
  let files: string;
  const stacks: Array<{ clusterId: string; name: string }> = [];

  beforeAll(async () => {
    buildDist();
    await vault.start();
    server = await TestServer.syncing({ VAULT_ADDR: vault.address, VAULT_TOKEN: vault.rootToken, VAULT_POLICY_PATTERN: 'job-*', INSTANCE_LEASE_SECONDS: '3', INSTANCE_USAGE_FLUSH_MS: '500' }, { logLevel: 'silent' });
    const token = await server.token({ accountId: `procedures-${randomUUID()}` });
    env = { FLEET_URL: server.url, FLEET_TOKEN: token };
    client = new FleetClient({ url: server.url, token });
    files = mkdtempSync(path.join(tmpdir(), 'procedures-'));
  }, 120_000);

  afterAll(async () => {
    for (const stack of stacks) await client.request(RemoveStackDocument, stack).catch(() => undefined);
    await client?.close();
    await server?.close();
    await vault.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  }, 60_000);

  it('add-host, run-instance and verify: each step and check printed, the API agreeing, exit 0', async () => {
    const s4 = swarmNode(loadSwarmFleet(), 's4');
    const added = await procedure(['add-host', '--name', `s4-${randomUUID().slice(0, 6)}`, '--endpoint', s4.endpoint, '--interval', '30'], env);
    expect(added.out).toMatch(/\[1\] register the host .*\n.*\n\[2\] the system verifies connectivity\n {4}ok {3}status is CONNECTED: CONNECTED, Docker /);
    expect(added.out).toMatch(/ok {3}containers stored: (\d+) listed, the daemon reports \1/);
    expect(added.out).toMatch(/ok {3}images stored: (\d+) listed, the daemon reports \1/);
    expect(added.out).toMatch(/ok {3}synced again by the sync engine, without being asked: lastSyncedAt \S+ \(first \S+\), sync owner \S+/);
    expect(added.code).toBe(0);
    const { hostId } = resultOf(added.out)!;
    expect((await client.request(DockerHostDocument, { id: hostId! })).dockerHost?.status).toBe(DockerHostStatus.Connected);

    const since = new Date().toISOString();
    const ran = await procedure(['run-instance', '--host-id', hostId!, '--image', 'fleet/busybox', '--command', 'sleep 1; echo finished', '--vault-policy', 'job-read'], env);
    expect(ran.out).toMatch(/ok {3}status is PENDING: PENDING/);
    expect(ran.out).toMatch(/ok {3}PROVISIONING: reached /);
    expect(ran.out).toMatch(/ok {3}RUNNING with its container id: container [0-9a-f]{64} on host /);
    expect(ran.out).toMatch(/ok {3}COMPLETED: COMPLETED \(exited with code 0\), exit code 0/);
    expect(ran.out).toMatch(/ok {3}in order: PENDING → PROVISIONING → RUNNING → COMPLETED/);
    expect(ran.out).toMatch(/ok {3}output captured: stdout "finished\\n"/);
    expect(ran.out).toMatch(/ok {3}Vault token revoked: at \d{4}-/);
    expect(ran.code).toBe(0);
    const { instanceId: completed } = resultOf(ran.out)!;
    expect((await client.request(ContainerInstanceDocument, { id: completed! })).containerInstance.status).toBe(ContainerInstanceStatus.Completed);

    // The runbook's list wants a running instance: one started through the typed client, verified, then cancelled.
    const { runContainerInstance: long } = await client.request(RunContainerInstanceDocument, { input: { hostId, spec: { name: 'verify-me', container: { image: 'fleet/busybox', command: ['sleep', '60'] }, timeoutSeconds: 120 } } });
    await waitFor(async () => (await client.request(ContainerInstanceDocument, { id: long.id })).containerInstance.status === ContainerInstanceStatus.Running, { timeoutMs: 30_000, what: 'the instance RUNNING' });
    const verified = await procedure(['verify', '--host-id', hostId!, '--instance-id', long.id, '--since', since], env);
    expect(verified.out).toMatch(/ok {3}status: connected: s4-\w+ CONNECTED/);
    expect(verified.out).toMatch(/ok {3}status running with container_id populated: RUNNING, container [0-9a-f]{64}/);
    expect(verified.out).toMatch(/ok {3}DockerEvent records of severity error: none/);
    expect(verified.code).toBe(0);
    await client.request(CancelContainerInstanceDocument, { id: long.id });

    // The completed run is not running: that check fails, and so does the script.
    const failed = await procedure(['verify', '--instance-id', completed!, '--since', since], env);
    expect(failed.out).toMatch(/FAIL status running with container_id populated: COMPLETED/);
    expect(failed.out).toMatch(/^FAILED verify: check failed: status running with container_id populated/m);
    expect(failed.code).toBe(1);
  }, 120_000);

  it('deploy-stack registers the cluster, sees it discovered, deploys, converges and follows the deployment; verify finds the cluster healthy', async () => {
    const swarm = loadSwarmFleet();
    const tls = { ca: path.join(files, 'ca.pem'), cert: path.join(files, 'cert.pem'), key: path.join(files, 'key.pem') };
    for (const [key, file] of Object.entries(tls)) writeFileSync(file, swarm.tls[key as keyof typeof tls]);
    const name = `proc${randomUUID().slice(0, 6)}`;
    const compose = path.join(files, 'stack.yml');
    writeFileSync(compose, `version: "3.8"\nservices:\n  app:\n    image: fleet/busybox\n    command: ["sleep", "3600"]\n    stop_grace_period: 1s\n    deploy:\n      replicas: 2\n`);
    const since = new Date().toISOString();
    const deployed = await procedure(['deploy-stack', '--cluster-name', `swarm-${name}`, '--manager-endpoint', swarm.managerTlsEndpoint, '--environment', 'staging', '--tls-ca', tls.ca, '--tls-cert', tls.cert, '--tls-key', tls.key, '--stack', name, '--compose', compose], env);
    const { clusterId } = resultOf(deployed.out) ?? {};
    if (clusterId) stacks.push({ clusterId, name });
    expect(deployed.out).toMatch(/ok {3}status is CONNECTED with quorum: CONNECTED, quorum true, 3 of 3 managers reachable/);
    expect(deployed.out).toMatch(/ok {3}nodes discovered: 4 stored \(.*\), the manager reports 4/);
    expect(deployed.out).toMatch(new RegExp(`deployment \\S+ \\(revision 1, \\w+\\): .*service ${name}_app created`));
    expect(deployed.out).toMatch(/ok {3}stack CONVERGED, every service at its desired replicas: CONVERGED: app 2\/2/);
    expect(deployed.out).toMatch(/ok {3}the deployment ended SUCCEEDED \(deploymentChanged\): .*SUCCEEDED/);
    expect(deployed.out).toMatch(new RegExp(`ok {3}the stack's services in the cluster's events: \\d+ service events since .*${name}_app create`));
    expect(deployed.code).toBe(0);

    const verified = await procedure(['verify', '--cluster-id', clusterId!, '--since', since], env);
    expect(verified.out).toMatch(/ok {3}no failing nodes: none down, leader \S+/);
    expect(verified.out).toMatch(/ok {3}no quorum loss: 3 of 3 managers reachable, 2 needed/);
    expect(verified.code).toBe(0);
  }, 120_000);

  it('exits 1 naming the failed check when a host never connects, and 2 with the usage for a bad command line', async () => {
    const closed = await procedure(['add-host', '--name', 'nowhere', '--endpoint', 'tcp://127.0.0.1:1', '--timeout', '2'], env);
    expect(closed.out).toMatch(/FAIL status is CONNECTED: PENDING, HOST_UNREACHABLE: .* \(after \d/);
    expect(closed.out).toMatch(/^FAILED add-host: check failed: status is CONNECTED/m);
    expect(closed.code).toBe(1);
    const usage = await procedure(['add-host', '--name', 'x'], env);
    expect(usage.out).toMatch(/--endpoint is required\nusage: npm run procedure -- <add-host\|deploy-stack\|run-instance\|verify>/);
    expect(usage.code).toBe(2);
  }, 30_000);
});
