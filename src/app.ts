import 'reflect-metadata';
import { RouteRefresher } from './deployments/route.refresh';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import { ActivityService } from './activities/activity.service';
import { TokenRevocations } from './auth/token-revocations';
import { StreamLimits } from './common/stream-limits';
import type { Config } from './config/config';
import { resolveSecrets } from './config/secrets';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { isDatabaseReachable, openDatabase } from './db/orm';
import { DockerInventory } from './docker/docker.inventory';
import { DockerClientPool } from './docker/docker.pool';
import type { Services } from './graphql/context';
import { buildAppSchema } from './graphql/schema';
import { HostCredentials, resealRows } from './hosts/host-credentials';
import { HostManager } from './hosts/host.manager';
import { HostRepository } from './hosts/host.repository';
import { DockerHost } from './hosts/host.entity';
import { createGraphQLServer } from './http/graphql-server';
import { createLogger, type Logger } from './log/logger';
import { createAppPubSub } from './pubsub/pubsub';
import { Metrics } from './metrics/metrics';
import { stateCounts } from './db/state-counts';
import { Deployment } from './deployments/deployment.entity';
import { ContainerInstance } from './instances/instance.entity';
import { HealthMonitor } from './health/health.monitor';
import { EndpointProbe } from './health/endpoint.probe';
import { Container } from './containers/container.entity';
import { ContainerManager } from './containers/container.manager';
import { DockerImages } from './docker/docker.images';
import { DockerObjects } from './docker/docker.objects';
import { ImageManager } from './images/image.manager';
import { Image } from './images/image.entity';
import { SyncedObjectRepository } from './db/synced-object.repository';
import { ImageOperation } from './images/image-operation.entity';
import { OperationRepository } from './operations/operation.repository';
import { OperationRunner } from './operations/operation.runner';
import { OperationWorker } from './operations/operation.worker';
import { DeploymentDriver } from './deployments/deployment.driver';
import { DeploymentStrategyKind } from './deployments/deployment.entity';
import { DeploymentManager } from './deployments/deployment.manager';
import { DeploymentPlanner } from './deployments/deployment.plan';
import { DeploymentRecorder } from './deployments/deployment.recorder';
import { DeploymentRepository } from './deployments/deployment.repository';
import { DeploymentWorker } from './deployments/deployment.worker';
import { RolloutTools } from './deployments/rollout';
import { BlueGreenStrategy } from './deployments/strategies/blue-green.strategy';
import { CanaryStrategy } from './deployments/strategies/canary.strategy';
import { RollingStrategy } from './deployments/strategies/rolling.strategy';
import { SideBySide } from './deployments/strategies/side-by-side';
import type { DeploymentStrategy } from './deployments/strategies/strategy';
import { OutboundPolicy } from './security/outbound-policy';
import { Network } from './networks/network.entity';
import { NetworkManager } from './networks/network.manager';
import { RegistryCredentials } from './registries/registry-credentials';
import { Volume } from './volumes/volume.entity';
import { VolumeManager } from './volumes/volume.manager';
import { DockerContainers } from './docker/docker.containers';
import { DockerReach } from './docker/docker.reach';
import { WorkloadPolicy } from './security/workload-policy';
import { InventoryQueries } from './inventory/inventory.queries';
import { SyncWorker } from './sync/sync.worker';
import { HostScopes } from './sync/host-scope.repository';
import { InventorySync } from './sync/inventory.sync';
import { DockerSwarm } from './docker/docker.swarm';
import type { HostTarget } from './docker/docker.types';
import { ClusterHealthMonitor } from './swarm/cluster-health.service';
import { ClusterScopes } from './swarm/cluster-scope.repository';
import { SwarmCluster } from './swarm/cluster.entity';
import { ClusterRepository } from './swarm/cluster.repository';
import { ClusterManager } from './swarm/cluster.manager';
import { ServiceManager } from './swarm/service.manager';
import { SwarmQueries } from './swarm/swarm.queries';
import { NodeManager } from './swarm/node.manager';
import { SwarmManager } from './swarm/swarm.manager';
import { SwarmConfig, SwarmSecret } from './swarm/secret.entity';
import { SecretManager } from './swarm/secret.manager';
import { ServiceLedger } from './swarm/service.ledger';
import { SecretUsageRepository } from './swarm/secret.repository';
import { CONFIG_KIND, SECRET_KIND } from './swarm/secret.rules';
import { ImagePrePuller } from './stacks/image-prepull';
import { StackDeployer } from './stacks/stack.deployer';
import { StackManager } from './stacks/stack.manager';
import { StackOperation } from './stacks/stack-operation.entity';
import { StackQueries } from './stacks/stack.queries';
import { HaproxyRuntime } from './routers/haproxy.adapter';
import { RouterManager } from './routers/router.manager';
import { RouterRepository } from './routers/router.repository';
import { configFiles, tcpProbe } from './routers/router.io';
import { QuotaManager } from './accounts/quota.manager';
import { QuotaRepository } from './accounts/quota.repository';
import { TemplateManager } from './instances/template.manager';
import { InstanceCleanup } from './instances/instance.cleanup';
import { InstanceManager } from './instances/instance.manager';
import { InstanceRepository } from './instances/instance.repository';
import { InstanceRunner } from './instances/instance.runner';
import { InstanceWorker } from './instances/instance.worker';
import { DockerRuns } from './docker/docker.runs';
import { VaultTokens } from './vault/vault.client';
import { TaskCallbackRepository } from './tasks/task-callback.repository';
import { TaskCallbackSecrets } from './tasks/task-callback.secrets';
import { TaskCallbackDeliverer } from './tasks/task-callback.deliverer';
import { TaskCallbackWorker } from './tasks/task-callback.worker';
import { TaskCallbacks } from './tasks/task-callback.outbox';
import { httpSender } from './tasks/task-callback.sender';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

export interface App {
  services: Services;
  orm: MikroORM;
  logger: Logger;
  syncWorker: SyncWorker<DockerHost>;
  sync: InventorySync<DockerHost>;
  clusterWorker: SyncWorker<SwarmCluster>;
  clusterSync: InventorySync<SwarmCluster>;
  instanceId: string;
  instanceWorker: InstanceWorker;
  /** Set when this process made up its JWT secret (development without JWT_SECRET). */
  ephemeralJwtSecret: boolean;
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** The composition root: builds adapters, services, workers and the server, and knows the order to close them. */
export async function createApp(options: { config: Config; logger?: Logger }): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });

  let embedded: EmbeddedDatabase | undefined;
  let clientUrl = config.DATABASE_URL;
  if (!clientUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: config.EMBEDDED_DATA_DIR, maxConnections: config.DATABASE_POOL_MAX + 2 });
    clientUrl = embedded.url;
    logger.info({ dataDir: config.EMBEDDED_DATA_DIR }, 'DATABASE_URL not set: using the embedded PostgreSQL (PGlite); set DATABASE_URL for a real server');
  }
  const orm = await openDatabase({ clientUrl, poolMax: config.DATABASE_POOL_MAX, logger, migrate: true, embedded: embedded !== undefined });

  const { keyRing, tokens, ephemeralJwtSecret } = resolveSecrets(config, logger);
  const metrics = new Metrics({
    hostsByStatus: stateCounts(orm, DockerHost),
    clustersByStatus: stateCounts(orm, SwarmCluster),
    operationsByState: { image: stateCounts(orm, ImageOperation), stack: stateCounts(orm, StackOperation) },
    deploymentsByState: stateCounts(orm, Deployment),
    instancesByState: stateCounts(orm, ContainerInstance),
  });
  const pubsub = createAppPubSub({ redisUrl: config.REDIS_URL, logger, onDrop: (reason) => metrics.pubsubDropped(reason) });
  const docker = new DockerClientPool({ timeoutMs: config.DOCKER_TIMEOUT_MS, logger });
  const inventory = new DockerInventory(docker);
  const credentials = new HostCredentials(keyRing);
  const sync = new InventorySync({ orm, scopes: new HostScopes({ orm, credentials, docker, pubsub }), inventory, pubsub, logger, metrics });
  const hosts = new HostManager({ repository: new HostRepository(orm), docker, credentials, sync, pubsub, logger, policy: { allowUnixSockets: config.allowUnixSocketEndpoints, coarseEndpointErrors: config.production } });
  await hosts.resealCredentials();
  const endpointProbe = new EndpointProbe({ inventory, timeoutMs: config.DOCKER_TIMEOUT_MS });
  const health = new HealthMonitor({ orm, inventory, credentials, probe: endpointProbe, coarseEndpointErrors: config.production, logger });
  const inventoryQueries = new InventoryQueries(orm);
  const policy = new WorkloadPolicy({ reach: new DockerReach(docker), inventory: inventoryQueries });
  const containerRows = new SyncedObjectRepository(orm, Container);
  const containers = new ContainerManager({ hosts, repository: containerRows, containers: new DockerContainers(docker), sync, policy });
  const registries = new RegistryCredentials({ orm, keyRing });
  const resealed = await registries.reseal();
  if (resealed.resealed || resealed.unreadable.length) logger.info(resealed, 'registry passwords re-sealed under the active key');
  const outbound = new OutboundPolicy({ allow: config.outboundAllow });
  const instanceId = config.INSTANCE_ID ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const operations = new OperationRunner({ repository: new OperationRepository(orm, [ImageOperation, StackOperation]), pubsub, logger, instanceId });
  const operationWorker = new OperationWorker({ runner: operations, logger });
  const imageTimeoutMs = config.IMAGE_OPERATION_TIMEOUT_SECONDS * 1000;
  // The adapter cuts a stream at the timeout in its own words (HOST_TIMEOUT); the operation's own deadline is the
  // backstop for a task stuck anywhere else, a minute later.
  const images = new ImageManager({ hosts, docker: new DockerImages(docker, { operationTimeoutMs: imageTimeoutMs }), repository: new SyncedObjectRepository(orm, Image), registries, outbound, sync, operations, logger, operationTimeoutMs: imageTimeoutMs + 60_000 });
  const objects = new DockerObjects(docker);
  const networks = new NetworkManager({ hosts, networks: new SyncedObjectRepository(orm, Network), containers: containerRows, objects, sync });
  const volumes = new VolumeManager({ hosts, repository: new SyncedObjectRepository(orm, Volume), objects, sync, policy });
  // Swarm clusters: the same sync engine, pool, credentials sealing and health machine as hosts, through a manager.
  const swarm = new DockerSwarm(docker);
  const clusterCredentials = new HostCredentials(keyRing, 'swarm_clusters');
  const clusterSync = new InventorySync({ orm, scopes: new ClusterScopes({ orm, credentials: clusterCredentials, swarm, inventory, pubsub, quorumProbeMs: Math.min(config.SWARM_QUORUM_PROBE_MS, config.DOCKER_TIMEOUT_MS - 500) }), inventory, adapters: { swarm }, pubsub, logger, metrics });
  const endpointPolicy = { allowUnixSockets: config.allowUnixSocketEndpoints, coarseEndpointErrors: config.production };
  const clusterRows = new ClusterRepository(orm);
  const clustersResealed = await resealRows(clusterRows, clusterCredentials);
  if (clustersResealed.resealed || clustersResealed.unreadable.length) logger.info({ ...clustersResealed, activeKeyId: clusterCredentials.activeKeyId }, 'swarm cluster TLS credentials re-sealed under the active key');
  const clusters = new ClusterManager({ repository: clusterRows, docker, swarm, credentials: clusterCredentials, hostCredentials: credentials, hosts, sync: clusterSync, pubsub, logger, policy: endpointPolicy });
  const swarmQueries = new SwarmQueries(orm);
  const clusterHealth = new ClusterHealthMonitor({ clusters, queries: swarmQueries, pubsub, inventory, credentials: clusterCredentials, coarseEndpointErrors: config.production });
  const nodes = new NodeManager({ clusters, queries: swarmQueries, swarm, sync: clusterSync });
  const swarmOps = new SwarmManager({ hosts, clusters, queries: swarmQueries, swarm, sync: clusterSync });
  // Every change to a stack's service made through the API becomes the stack's next revision by this one path.
  const serviceLedger = new ServiceLedger({ ledger: { changed: (...args) => deploymentRecorder.changed(...args) }, logger });
  const secretDeps = { clusters, swarm, rows: swarmQueries, usage: new SecretUsageRepository(orm), sync: clusterSync, policy, ledger: serviceLedger };
  const [secrets, configs] = [new SecretManager<SwarmSecret>({ ...secretDeps, kind: SECRET_KIND }), new SecretManager<SwarmConfig>({ ...secretDeps, kind: CONFIG_KIND })];
  const missingReferences = async (target: HostTarget, spec: Record<string, unknown>) => [...(await secrets.missingReferences(target, spec)), ...(await configs.missingReferences(target, spec))];
  const swarmServices = new ServiceManager({ clusters, queries: swarmQueries, swarm, sync: clusterSync, policy, registries, missingReferences, ledger: serviceLedger });
  // Stacks: the namespace label on swarm objects, deployed as docker stack deploy does, read back from the synced rows.
  const registryAuth = (accountId: string, image: string) => registries.authFor(accountId, image);
  const stacks = new StackManager({ clusters, deployer: new StackDeployer({ swarm, policy, registryAuth }), swarm, queries: new StackQueries(orm), sync: clusterSync, logger, operations, operationTimeoutMs: config.STACK_OPERATION_TIMEOUT_SECONDS * 1000 });
  // Deployments: the revision ledger, rollouts driven by strategies under a lease any instance can take over.
  const deploymentRepository = new DeploymentRepository(orm, pubsub);
  const rolloutTools = new RolloutTools({ stacks, swarm, policy });
  // Traffic routers (HAProxy beside the API): the product writes their config and drives their runtime API.
  const routers = new RouterManager({ repository: new RouterRepository(orm), haproxy: new HaproxyRuntime({ timeoutMs: config.DOCKER_TIMEOUT_MS }), clusters, files: configFiles, probe: (host, port) => tcpProbe(host, port), policy: { allowUnixSockets: config.allowUnixSocketEndpoints } });
  const sideStrategyDeps = { routers, sides: new SideBySide({ swarm, policy }) };
  const strategies = new Map<DeploymentStrategyKind, DeploymentStrategy>([
    [DeploymentStrategyKind.ROLLING, new RollingStrategy()],
    [DeploymentStrategyKind.BLUE_GREEN, new BlueGreenStrategy(sideStrategyDeps)],
    [DeploymentStrategyKind.CANARY, new CanaryStrategy(sideStrategyDeps)],
  ]);
  const deploymentDriver = new DeploymentDriver({ repository: deploymentRepository, clusters, tools: rolloutTools, strategies, pubsub, logger, instanceId, defaultDeadlineSeconds: config.DEPLOYMENT_PROGRESS_DEADLINE_SECONDS, routes: new RouteRefresher({ ...sideStrategyDeps, logger }) });
  const deploymentRecorder = new DeploymentRecorder({ orm, repository: deploymentRepository, driver: deploymentDriver, tools: rolloutTools, clusters, pubsub, logger, instanceId, leaseSeconds: config.DEPLOYMENT_LEASE_SECONDS });
  const deploymentWorker = new DeploymentWorker({ repository: deploymentRepository, driver: deploymentDriver, recorder: config.SYNC_WORKER_ENABLED ? deploymentRecorder : undefined, detectEvery: 3, pubsub, logger, instanceId, leaseSeconds: config.DEPLOYMENT_LEASE_SECONDS, everyMs: Math.min(1000, (config.DEPLOYMENT_LEASE_SECONDS * 1000) / 3), concurrency: 20 });
  const deployments = new DeploymentManager({ repository: deploymentRepository, driver: deploymentDriver, clusters, stacks, strategies, pubsub, instanceId, leaseSeconds: config.DEPLOYMENT_LEASE_SECONDS });
  const prePull = new ImagePrePuller({ clusters, swarm, policy, registryAuth, logger });
  // Linked tasks: results owed to callbacks, from an outbox written with the run's terminal state.
  const callbackRows = new TaskCallbackRepository(orm);
  const callbackSecrets = new TaskCallbackSecrets({ orm, keyRing });
  const callbackSecretsResealed = await callbackSecrets.reseal();
  if (callbackSecretsResealed.resealed || callbackSecretsResealed.unreadable.length) logger.info(callbackSecretsResealed, 'task callback signing secrets re-sealed under the active key');
  const callbackPolicy = new OutboundPolicy({ allow: config.taskCallbackAllow, consequence: 'the API server would reach its own network; refused unless TASK_CALLBACK_ALLOW lists it' });
  const callbackDeliverer = new TaskCallbackDeliverer({ ledger: callbackRows, secrets: callbackSecrets, policy: callbackPolicy, send: httpSender({ timeoutMs: config.TASK_CALLBACK_TIMEOUT_MS }), maxAttempts: config.TASK_CALLBACK_MAX_ATTEMPTS, backoffBaseMs: config.TASK_CALLBACK_BACKOFF_MS });
  // The lease outlives an attempt (its timeout) with room to record it; a lapsed lease means its sender died.
  const callbackWorker = new TaskCallbackWorker({ ledger: callbackRows, deliverer: callbackDeliverer, logger, instanceId, tickMs: config.TASK_CALLBACK_TICK_MS, leaseMs: config.TASK_CALLBACK_TIMEOUT_MS + 10_000 });
  const taskCallbacks = new TaskCallbacks({ repository: callbackRows, secrets: callbackSecrets, policy: callbackPolicy, wake: () => callbackWorker.wake() });
  // Container instances: job-like runs admitted against quotas, each with its own Vault token, driven under a lease.
  const quotas = new QuotaManager(new QuotaRepository(orm));
  const templates = new TemplateManager({ orm, keyRing, policy, vaultPolicyPattern: config.VAULT_POLICY_PATTERN });
  const vault = config.VAULT_ADDR && config.VAULT_TOKEN ? new VaultTokens({ address: config.VAULT_ADDR, token: config.VAULT_TOKEN, timeoutMs: config.VAULT_TIMEOUT_MS }) : null;
  const instanceRows = new InstanceRepository(orm);
  const dockerContainers = new DockerContainers(docker);
  const instanceCleanup = new InstanceCleanup({ repository: instanceRows, hosts, containers: dockerContainers, vault, quotas, logger });
  const environment = (instance: Parameters<InstanceManager['environment']>[0]) => instances.environment(instance);
  const instanceRunner = new InstanceRunner({ repository: instanceRows, hosts, containers: dockerContainers, runs: new DockerRuns(docker), vault, policy, cleanup: instanceCleanup, environment, outbox: taskCallbacks, pubsub, logger, owner: instanceId, settings: { outputMaxBytes: config.INSTANCE_OUTPUT_MAX_BYTES, usageFlushMs: config.INSTANCE_USAGE_FLUSH_MS, vaultAddress: config.INSTANCE_VAULT_ADDR ?? config.VAULT_ADDR ?? null } });
  const instances: InstanceManager = new InstanceManager({ repository: instanceRows, templates, hosts, policy, quotas, keyRing, runner: instanceRunner, cleanup: instanceCleanup, callbacks: taskCallbacks, pubsub, owner: instanceId, leaseSeconds: config.INSTANCE_LEASE_SECONDS, vaultPolicyPattern: config.VAULT_POLICY_PATTERN, probeVault: probeVault(vault) });
  const instanceWorker = new InstanceWorker({ repository: instanceRows, runner: instanceRunner, cleanup: instanceCleanup, pubsub, logger, owner: instanceId, leaseSeconds: config.INSTANCE_LEASE_SECONDS, everyMs: Math.min(1000, (config.INSTANCE_LEASE_SECONDS * 1000) / 3), concurrency: 200, reconcileEvery: 10 });
  const revocations = new TokenRevocations({ orm, pubsub, logger });
  await revocations.start();
  const services: Services = { hosts, containers, images, registries, networks, volumes, health, inventory: inventoryQueries, activities: new ActivityService({ orm, logger }), tokens, revocations, streams: new StreamLimits({ perSocket: config.LIVE_STREAMS_PER_SOCKET, perAccount: config.LIVE_STREAMS_PER_ACCOUNT }), pubsub, clusters, clusterHealth, swarm: swarmQueries, nodes, swarmOps, swarmServices, secrets, configs, stacks, deployments, deploymentPlanner: new DeploymentPlanner({ clusters, swarm, registryAuth }), prePull, routers, quotas, templates, instances, taskCallbacks };
  const workerOptions = {
    orm,
    inventory,
    docker,
    pubsub,
    logger,
    instanceId,
    tickMs: config.SYNC_TICK_SECONDS * 1000,
    leaseSeconds: config.SYNC_LEASE_SECONDS,
    capacity: config.SYNC_CAPACITY,
    probeMs: config.EVENT_PROBE_SECONDS * 1000,
    queueLimit: config.EVENT_QUEUE_LIMIT,
  };
  const syncWorker = new SyncWorker({ ...workerOptions, sync, eventRetentionDays: config.EVENT_RETENTION_DAYS });
  const clusterWorker = new SyncWorker({ ...workerOptions, sync: clusterSync });

  const server = await createGraphQLServer({ config, schema: await buildAppSchema(pubsub), services, logger, metrics, isReady: () => isDatabaseReachable(orm) });

  return {
    services,
    orm,
    logger,
    syncWorker,
    sync,
    clusterWorker,
    clusterSync,
    instanceId,
    instanceWorker,
    ephemeralJwtSecret,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once('error', reject);
        server.httpServer.listen(config.PORT, config.HOST, resolve);
      });
      operationWorker.start();
      deploymentWorker.start();
      instanceWorker.start();
      callbackWorker.start();
      if (config.SYNC_WORKER_ENABLED) {
        syncWorker.start();
        clusterWorker.start();
      }
      const { port } = server.httpServer.address() as AddressInfo;
      const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
      logger.info({ url }, 'fleet control API listening');
      return { port, url };
    },
    async close() {
      await server.close(); // stop accepting, drain requests, close sockets
      await Promise.all([syncWorker.stop(), clusterWorker.stop()]);
      await operationWorker.stop();
      await deploymentWorker.close();
      await instanceWorker.close();
      await callbackWorker.stop();
      await operations.close();
      await Promise.all([sync.idle(), clusterSync.idle()]);
      docker.close();
      services.revocations.close();
      await pubsub.close();
      await orm.close();
      await embedded?.close();
    },
  };
}

/** What Vault answers now, for diagnoses: asked at most every 2 s (a list of runs asks once, not once per row). */
function probeVault(vault: VaultTokens | null): () => Promise<string> {
  let last: { at: number; answer: Promise<string> } | undefined;
  return () => {
    if (!vault) return Promise.resolve('not configured (VAULT_ADDR unset)');
    if (!last || Date.now() - last.at > 2000) last = { at: Date.now(), answer: vault.health().then((h) => `answers (version ${h.version ?? 'unknown'}, unsealed)`, (e: Error) => `does not answer: ${e.message}`) };
    return last.answer;
  };
}
