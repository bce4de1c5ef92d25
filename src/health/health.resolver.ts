import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { HostStatus } from '../hosts/host.enums';
import { ContainerHealthSummary, HostHealth, HostUsage } from './health.types';

/** Reached only through DockerHost.health, whose parent field is already authorised and account-scoped. */
@Resolver(() => HostHealth)
export class HealthResolver {
  @FieldResolver(() => HostStatus, { description: 'The health state machine: CONNECTED, DISCONNECTED, ERROR, ...' })
  status(@Root() health: HostHealth): HostStatus {
    return health.host.status;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'A live /_ping now; null in maintenance (not contacted)' })
  reachable(@Root() health: HostHealth, @Ctx() ctx: GraphQLContext) {
    return ctx.services.health.reachable(health.host);
  }

  @FieldResolver(() => ContainerHealthSummary)
  containers(@Root() health: HostHealth, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.healthCounts.load(health.host.id);
  }

  @FieldResolver(() => HostUsage, { nullable: true, description: 'Null unless the host is CONNECTED' })
  usage(@Root() health: HostHealth, @Ctx() ctx: GraphQLContext) {
    return ctx.services.health.usage(health.host);
  }
}
