import { StackResolver, StackViewResolver } from '../stacks/stack.resolver';
import { DeploymentResolver, DeploymentStateResolver, ServiceRevisionResolver, StackRevisionResolver } from '../deployments/deployment.resolver';
import { ClusterResolver } from './cluster.resolver';
import { ClusterInspectResolver, NodeResolver } from './node.resolver';
import { ServiceOperationsResolver } from './service.resolver';
import { SwarmConfigResolver, SwarmSecretResolver, SwarmServiceSecretsResolver } from './secret.resolver';
import { ClusterObjectsResolver, HostSwarmNodeResolver, SwarmConfigListResolver, SwarmNetworkListResolver, SwarmNodeFieldsResolver, SwarmNodeListResolver, SwarmSecretListResolver, SwarmServiceFieldsResolver, SwarmServiceListResolver, SwarmSubscriptionsResolver, SwarmTaskFieldsResolver, SwarmTaskListResolver } from './swarm-objects.resolver';

/** The swarm domain's resolvers, registered by the schema as one list. */
export const swarmResolvers = [
  ClusterResolver,
  ClusterObjectsResolver,
  SwarmNodeListResolver,
  SwarmServiceListResolver,
  SwarmTaskListResolver,
  SwarmSecretListResolver,
  SwarmConfigListResolver,
  SwarmNetworkListResolver,
  SwarmServiceFieldsResolver,
  SwarmNodeFieldsResolver,
  SwarmTaskFieldsResolver,
  HostSwarmNodeResolver,
  SwarmSubscriptionsResolver,
  NodeResolver,
  ClusterInspectResolver,
  ServiceOperationsResolver,
  SwarmSecretResolver,
  SwarmConfigResolver,
  SwarmServiceSecretsResolver,
  StackResolver,
  StackViewResolver,
  DeploymentResolver,
  StackRevisionResolver,
  DeploymentStateResolver,
  ServiceRevisionResolver,
] as const;
