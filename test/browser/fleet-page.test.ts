import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { ContainerInstanceStatus, CreateSwarmServiceDocument, DeploymentStrategyKind, DeployStackDocument, DockerHostEnvironment, DockerHostStatus, RegisterSwarmClusterDocument, RunContainerInstanceDocument, VaultTokenDelivery } from '../generated/graphql';
import { collectPageErrors, launchChromium, screenshot } from '../support/browser';
import { fleetDocker, loadFleet, loadSwarmFleet, swarmDocker } from '../support/fleet';
import { newAccountId, registerFleetHost, TestServer } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * The live fleet page (/) in Debian's headless Chromium against a real server and the real fleet: sign in with a
 * token, the fleet's host and swarm on screen, a container started behind the API's back (Engine API) showing its
 * new state within a second, a service scaled from the page converging, no console errors, screenshots kept.
 * Run under the fleet lock (it uses the shared fleet daemon and swarm).
 */
describe('the live fleet page in Chromium', () => {
  const run = randomUUID().slice(0, 8);
  const label = { 'test.fleet-page.run': run };
  const hostName = `page-host-${run}`;
  const clusterName = `page-swarm-${run}`;
  const serviceName = `page-svc-${run}`;
  const stackName = `pagestack${run}`;
  let clusterId: string;
  let hostId: string;
  let s1Socket: string;
  let server: TestServer;
  let token: string;
  let docker: Docker;
  let s1: Docker;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const fleet = loadFleet();
    const swarm = loadSwarmFleet();
    docker = fleetDocker(fleet, 'socket');
    s1 = swarmDocker(swarm, 's1');
    s1Socket = swarm.nodes.find((n) => n.name === 's1')!.socket;
    browser = await launchChromium();
    server = await TestServer.syncing({}, { logLevel: 'warn' });
    token = await server.token({ accountId: newAccountId() });
    hostId = await registerFleetHost(server, token, 'socket', hostName);
    const { registerSwarmCluster } = await server.ok(
      RegisterSwarmClusterDocument,
      { input: { name: clusterName, environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } },
      token,
    );
    expect(registerSwarmCluster.status).toBe(DockerHostStatus.Connected);
    clusterId = registerSwarmCluster.id;
    const spec = { name: serviceName, image: swarm.image, command: ['sh', '-c', 'exec sleep 600'], replicas: 1, labels: label, stopGracePeriodSeconds: 1 };
    await server.ok(CreateSwarmServiceDocument, { clusterId: registerSwarmCluster.id, spec }, token);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const c of (await docker?.listContainers({ all: true, filters: { label: [`test.fleet-page.run=${run}`] } })) ?? []) {
      await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
    }
    if (s1Socket) await promisify(execFile)('docker', ['-H', s1Socket, 'stack', 'rm', stackName]).catch(() => undefined);
    for (const s of (await s1?.listServices({ filters: { label: [`test.fleet-page.run=${run}`] } })) ?? []) {
      await s1.getService(s.ID!).remove().catch(() => undefined);
    }
  }, 60_000);

  beforeEach(async () => {
    page = await browser.context.newPage();
    errors = collectPageErrors(page);
  });
  afterEach(async () => {
    // What the page itself reported (a refused query, a failed action) counts as an error too.
    const notices = await page.locator('[data-testid="notices"] li.error').allTextContents();
    await page.close();
    expect(errors).toEqual([]);
    expect(notices).toEqual([]);
  });

  /** Opens / and signs in with the keyboard only: Tab to the token field, type, Enter. */
  const signIn = async () => {
    await page.goto(new URL('/', server.url).href);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('token');
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await page.getByTestId('link').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
  };
  const appCompose = (command: string, replicas: number) =>
    `services:\n  app:\n    image: fleet/busybox:latest\n    command: ["sh", "-c", "${command}"]\n    stop_grace_period: 1s\n    deploy:\n      replicas: ${replicas}\n`;
  // (page.evaluate takes strings here: the server's tsconfig has no DOM types.)
  const row = (testid: string) => page.getByTestId(testid);

  it('signs in with a pasted token and shows the fleet host, the swarm with its quorum, nodes and services', async () => {
    await signIn();
    await row(`host-${hostName}`).getByTestId('host-status').filter({ hasText: 'CONNECTED' }).waitFor({ timeout: 10_000 });
    const cluster = row(`cluster-${clusterName}`);
    await cluster.getByTestId('quorum').filter({ hasText: 'quorum' }).waitFor({ timeout: 10_000 });
    expect(await cluster.locator('[data-testid^="node-"]').count()).toBe(4);
    await cluster.getByTestId(`service-${serviceName}`).waitFor({ timeout: 10_000 });
    // The token is kept by the tab, not in the address.
    expect(page.url()).not.toContain(token);
    await screenshot(page, 'fleet-page-1280x800');
  });

  it("shows a container started behind the API's back (Engine API) in its new state within a second, follows its logs, stops, starts and restarts it from the page", async () => {
    await signIn();
    const name = `page-ctr-${run}`;
    const container = await docker.createContainer({ name, Image: loadFleet().image, Cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.2; done'], Labels: label, StopTimeout: 1, StopSignal: 'SIGKILL' });
    const state = row(`container-${name}`).getByTestId('container-state');
    await state.filter({ hasText: 'CREATED' }).waitFor({ timeout: 10_000 });
    const beforeStart = performance.now();
    await container.start();
    const started = performance.now();
    await state.filter({ hasText: 'RUNNING' }).waitFor({ timeout: 5_000 });
    const shown = performance.now();
    await screenshot(page, 'fleet-page-container-running-1280x800');
    process.stdout.write(`container start -> RUNNING on the page: ${Math.round(shown - started)} ms after the Engine answered (${Math.round(shown - beforeStart)} ms from the call)\n`);
    expect(shown - started).toBeLessThan(1000);

    // Its logs: the tail, then new lines as they are written (containerLogStream).
    await row(`container-${name}`).getByRole('button', { name: `Logs of ${name}` }).click();
    const log = page.getByTestId('logs').locator('pre');
    await log.filter({ hasText: /tick-\d+/ }).waitFor({ timeout: 5_000 });
    const lastTick = async () => Math.max(...((await log.textContent()) ?? '').split('\n').map((l) => Number(/^tick-(\d+)$/.exec(l)?.[1] ?? 0)));
    const seen = await lastTick();
    await log.filter({ hasText: `tick-${seen + 3}` }).waitFor({ timeout: 5_000 });
    expect(await lastTick()).toBeGreaterThanOrEqual(seen + 3);

    // The page's own action: Stop goes through stopContainer, and the row follows the Engine's events.
    await row(`container-${name}`).getByRole('button', { name: `Stop ${name}` }).click();
    await state.filter({ hasText: 'EXITED' }).waitFor({ timeout: 10_000 });
    expect((await container.inspect()).State.Status).toBe('exited');

    // Start and Restart from the page: startContainer / restartContainer, the row following the Engine again.
    await row(`container-${name}`).getByRole('button', { name: `Start ${name}`, exact: true }).click();
    await state.filter({ hasText: 'RUNNING' }).waitFor({ timeout: 10_000 });
    const startedAt = (await container.inspect()).State.StartedAt;
    await row(`container-${name}`).getByRole('button', { name: `Restart ${name}` }).click();
    await waitFor(async () => (await container.inspect()).State.StartedAt !== startedAt, { what: 'the restart to reach the Engine', timeoutMs: 10_000 });
    await state.filter({ hasText: 'RUNNING' }).waitFor({ timeout: 10_000 });
    expect((await container.inspect()).State.Running).toBe(true);
  });

  it('shows a container instance run through the API go from its first state to COMPLETED with its exit code', async () => {
    await signIn();
    const name = `page-run-${run}`;
    const spec = { name, container: { image: loadFleet().image, command: ['sh', '-c', 'echo from the page test'], labels: label }, timeoutSeconds: 60, killGraceSeconds: 1, memoryMb: 32, cpuMillicores: 100, vaultDelivery: VaultTokenDelivery.None };
    await server.ok(RunContainerInstanceDocument, { input: { spec, hostId } }, token);
    const instance = row(`instance-${name}`);
    await instance.waitFor({ timeout: 10_000 });
    await instance.getByText(ContainerInstanceStatus.Completed).waitFor({ timeout: 30_000 });
    expect(await instance.locator('td').last().textContent()).toBe('0');
  });

  it('scales a service from the page and shows its replicas converge', async () => {
    await signIn();
    const service = row(`service-${serviceName}`);
    const replicas = service.getByTestId('replicas');
    await replicas.filter({ hasText: /^1\/1$/ }).waitFor({ timeout: 30_000 });
    await service.getByLabel(`Replicas of ${serviceName}`).fill('3');
    await service.getByRole('button', { name: `Scale ${serviceName}` }).click();
    await replicas.filter({ hasText: /\/3$/ }).waitFor({ timeout: 10_000 });
    await replicas.filter({ hasText: /^3\/3$/ }).waitFor({ timeout: 30_000 });
    const inspected = await s1.listServices({ filters: { name: [serviceName] } });
    expect(inspected[0]?.Spec?.Mode?.Replicated?.Replicas).toBe(3);
  });

  it("shows a stack's deployment and its steps as they happen, until it succeeds", async () => {
    await signIn();
    const compose = appCompose('exec sleep 600', 1);
    const deployed = await server.ok(DeployStackDocument, { clusterId, input: { name: stackName, compose } }, token);
    const deploymentRow = row(`deployment-${deployed.deployStack.deployment!.id}`);
    await deploymentRow.waitFor({ timeout: 10_000 });
    await deploymentRow.getByRole('button', { name: new RegExp(`^Steps of ${stackName}`) }).click();
    const steps = page.getByTestId('steps').locator('li');
    await steps.first().waitFor({ timeout: 10_000 });
    await deploymentRow.getByText('SUCCEEDED').waitFor({ timeout: 60_000 });
    await steps.filter({ hasText: 'SUCCEEDED' }).first().waitFor({ timeout: 10_000 });
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'fleet-page-deployment-steps-1280x800');
  });

  it('promotes a paused canary from the page, and aborts the next one back to the stable version', async () => {
    await signIn();
    const canary = { strategy: DeploymentStrategyKind.Canary, canary: { steps: [{ setWeight: 50 }, { pause: true }, { setWeight: 100 }] } };
    const deployPaused = async (seconds: number) => {
      const compose = appCompose(`exec sleep ${seconds}`, 2);
      const { deployStack } = await server.ok(DeployStackDocument, { clusterId, input: { name: stackName, compose }, deployment: canary }, token);
      const deploymentRow = row(`deployment-${deployStack.deployment!.id}`);
      await deploymentRow.getByText('PAUSED').waitFor({ timeout: 60_000 });
      return deploymentRow;
    };
    const promoted = await deployPaused(601);
    await promoted.getByRole('button', { name: 'Promote' }).click();
    await promoted.getByText('SUCCEEDED').waitFor({ timeout: 60_000 });
    const aborted = await deployPaused(602);
    await aborted.getByRole('button', { name: 'Abort' }).click();
    await aborted.getByText('ROLLED_BACK').waitFor({ timeout: 60_000 });
    await screenshot(page, 'fleet-page-canary-aborted-1280x800');
  }, 300_000); // four swarm updates, each allowed a minute on a slow machine

  it('reconnects by itself after the API restarts and shows what changed while it was away', async () => {
    await signIn();
    await row(`host-${hostName}`).getByTestId('host-status').filter({ hasText: 'CONNECTED' }).waitFor({ timeout: 10_000 });
    const link = page.getByTestId('link');
    const name = `page-away-${run}`;
    await server.restart(async () => {
      await link.filter({ hasNotText: 'Live' }).waitFor({ timeout: 10_000 });
      // Made while no API runs: no event of it can reach the page, only the reads it makes once it is back.
      const container = await docker.createContainer({ name, Image: loadFleet().image, Cmd: ['sh', '-c', 'exec sleep 600'], Labels: label, StopTimeout: 1 });
      await container.start();
    });
    await link.filter({ hasText: 'Live' }).waitFor({ timeout: 30_000 });
    await row(`container-${name}`).getByTestId('container-state').filter({ hasText: 'RUNNING' }).waitFor({ timeout: 15_000 });
    // The browser's own report of the refused reconnection attempts is expected here; nothing else is.
    errors.splice(0, errors.length, ...errors.filter((e) => !/WebSocket connection to '[^']+' failed/.test(e)));
  });

  it('says why a token is refused and asks for another', async () => {
    await page.goto(new URL('/', server.url).href);
    await page.getByLabel('Bearer token').fill('not-a-jwt');
    await page.getByRole('button', { name: 'Open the fleet' }).click();
    await page.getByRole('alert').filter({ hasText: /Token refused: Unauthorized/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Bearer token').isVisible()).toBe(true);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('fleet-token')")).toBeNull();
  });

  it('signs in from the link npm start prints (token in the fragment) and stays readable at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL(`/#token=${token}`, server.url).href);
    await page.getByTestId('link').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    // The fragment is wiped from the address bar at once; the tab keeps the token.
    expect(page.url()).not.toContain(token);
    await row(`host-${hostName}`).waitFor({ timeout: 10_000 });
    await row(`cluster-${clusterName}`).waitFor({ timeout: 10_000 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // Focus is visible: a focused button draws an outline.
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await screenshot(page, 'fleet-page-390');
  });
});
