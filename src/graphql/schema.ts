import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { auditMutations } from '../activities/activity.audit';
import { ActivityResolver } from '../activities/activity.resolver';
import { TokenResolver } from '../auth/token.resolver';
import { ContainerOperationsResolver } from '../containers/container-operations.resolver';
import { ContainerResolver } from '../containers/container.resolver';
import { EventResolver } from '../events/event.resolver';
import { HealthResolver } from '../health/health.resolver';
import { HostInventoryResolver } from '../hosts/host-inventory.resolver';
import { HostResolver } from '../hosts/host.resolver';
import { ImageOperationsResolver } from '../images/image-operations.resolver';
import { NetworkOperationsResolver } from '../networks/network-operations.resolver';
import { VolumeOperationsResolver } from '../volumes/volume-operations.resolver';
import { ImageResolver, NetworkResolver, VolumeResolver } from '../inventory/inventory.resolver';
import type { PubSub } from '../pubsub/pubsub';
import { swarmResolvers } from '../swarm/swarm.module';
import { routerResolvers } from '../routers/router.module';
import { AccountQuotaResolver } from '../accounts/quota.resolver';
import { ContainerTemplateResolver } from '../instances/template.resolver';
import { ContainerInstanceResolver } from '../instances/instance.resolver';
import { taskCallbackResolvers } from '../tasks/task-callback.module';
import { authChecker } from './auth';
import { guardArguments } from './input-guard';
import { inlinePlainFields } from './simple-fields';

export const resolvers = [
  HostResolver,
  HostInventoryResolver,
  HealthResolver,
  ContainerResolver,
  ContainerOperationsResolver,
  ImageOperationsResolver,
  NetworkOperationsResolver,
  VolumeOperationsResolver,
  ImageResolver,
  NetworkResolver,
  VolumeResolver,
  EventResolver,
  ActivityResolver,
  TokenResolver,
  ...swarmResolvers,
  ...routerResolvers,
  AccountQuotaResolver,
  ContainerTemplateResolver,
  ContainerInstanceResolver,
  ...taskCallbackResolvers,
] as const;

/** The whole API. Pure: the same call emits schema.graphql and serves requests. */
export async function buildAppSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub,
    authChecker,
    // Input rules live in the domain (one place per rule, also used by workers and the CLI), not in class-validator.
    validate: false,
    emitSchemaFile: false,
  });
  // The audit wraps the guard: refused input is recorded like any failed mutation.
  return auditMutations(guardArguments(inlinePlainFields(schema)));
}
