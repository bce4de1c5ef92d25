import type { ActivityService } from '../activities/activity.service';
import type { Principal } from '../auth/principal';
import type { TokenRevocations } from '../auth/token-revocations';
import type { TokenService } from '../auth/token.service';
import { DomainError, ErrorCode } from '../common/errors';
import type { StreamLimits } from '../common/stream-limits';
import type { ContainerManager } from '../containers/container.manager';
import type { HealthMonitor } from '../health/health.monitor';
import type { ImageManager } from '../images/image.manager';
import type { NetworkManager } from '../networks/network.manager';
import type { RegistryCredentials } from '../registries/registry-credentials';
import type { VolumeManager } from '../volumes/volume.manager';
import type { HostManager } from '../hosts/host.manager';
import type { InventoryQueries } from '../inventory/inventory.queries';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { createLoaders, type Loaders } from './loaders';
import type { ClusterHealthMonitor } from '../swarm/cluster-health.service';
import type { ClusterManager } from '../swarm/cluster.manager';
import type { ServiceManager } from '../swarm/service.manager';
import type { SwarmQueries } from '../swarm/swarm.queries';
import type { NodeManager } from '../swarm/node.manager';
import type { SwarmManager } from '../swarm/swarm.manager';
import type { SecretManager } from '../swarm/secret.manager';
import type { SwarmConfig, SwarmSecret } from '../swarm/secret.entity';
import type { ImagePrePuller } from '../stacks/image-prepull';
import type { StackManager } from '../stacks/stack.manager';
import type { DeploymentManager } from '../deployments/deployment.manager';
import type { DeploymentPlanner } from '../deployments/deployment.plan';
import type { RouterManager } from '../routers/router.manager';
import type { QuotaManager } from '../accounts/quota.manager';
import type { InstanceManager } from '../instances/instance.manager';
import type { TemplateManager } from '../instances/template.manager';
import type { TaskCallbacks } from '../tasks/task-callback.outbox';

/** Long-lived services, built once by the composition root. */
export interface Services {
  hosts: HostManager;
  containers: ContainerManager;
  images: ImageManager;
  registries: RegistryCredentials;
  networks: NetworkManager;
  volumes: VolumeManager;
  inventory: InventoryQueries;
  health: HealthMonitor;
  activities: ActivityService;
  tokens: TokenService;
  revocations: TokenRevocations;
  streams: StreamLimits;
  pubsub: PubSub;
  clusters: ClusterManager;
  clusterHealth: ClusterHealthMonitor;
  swarm: SwarmQueries;
  nodes: NodeManager;
  swarmOps: SwarmManager;
  swarmServices: ServiceManager;
  secrets: SecretManager<SwarmSecret>;
  configs: SecretManager<SwarmConfig>;
  stacks: StackManager;
  deployments: DeploymentManager;
  deploymentPlanner: DeploymentPlanner;
  prePull: ImagePrePuller;
  routers: RouterManager;
  quotas: QuotaManager;
  templates: TemplateManager;
  instances: InstanceManager;
  taskCallbacks: TaskCallbacks;
}

/** Per-operation context: one per HTTP request, one per graphql-ws operation. */
export interface GraphQLContext {
  requestId: string;
  /** The WebSocket connection an operation runs on (live-stream limits count per connection); unset on HTTP. */
  connectionId?: string;
  /** Null when no valid token came with the request; `authError` then says why. */
  principal: Principal | null;
  authError: DomainError | null;
  services: Services;
  loaders: Loaders;
  logger: Logger;
}

/** A verified token that its account has not revoked since it was issued (checked per request and per operation). */
export async function authenticate(services: Pick<Services, 'tokens' | 'revocations'>, token: string | undefined): Promise<Pick<GraphQLContext, 'principal' | 'authError'>> {
  if (!token) return { principal: null, authError: new DomainError(ErrorCode.UNAUTHENTICATED, 'authentication required: send Authorization: Bearer <token>') };
  let principal: Principal;
  try {
    principal = await services.tokens.verify(token);
  } catch (error) {
    if (error instanceof DomainError) return { principal: null, authError: error };
    throw error;
  }
  if (services.revocations.isRevoked(principal)) return { principal: null, authError: new DomainError(ErrorCode.UNAUTHENTICATED, 'token revoked') };
  return { principal, authError: null };
}

export function buildContext(options: {
  services: Services;
  logger: Logger;
  requestId: string;
  auth: Pick<GraphQLContext, 'principal' | 'authError'>;
  /** A WebSocket operation: a subscription's context outlives any one event, so its loaders do not cache. */
  live?: boolean;
  connectionId?: string;
}): GraphQLContext {
  const { services, logger, requestId, auth } = options;
  return {
    requestId,
    connectionId: options.connectionId,
    ...auth,
    services,
    loaders: createLoaders(services, auth.principal, { live: options.live }),
    logger: logger.child({ requestId, accountId: auth.principal?.accountId }),
  };
}
