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
  async reachable(@Root() health: HostHealth, @Ctx() ctx: GraphQLContext) {
    const host = await current(health, ctx);
    return host ? ctx.services.health.reachable(host) : null;
  }

  @FieldResolver(() => ContainerHealthSummary)
  containers(@Root() health: HostHealth, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.healthCounts.load(health.host.id);
  }

  @FieldResolver(() => HostUsage, { nullable: true, description: 'Null unless the host is CONNECTED' })
  async usage(@Root() health: HostHealth, @Ctx() ctx: GraphQLContext) {
    const host = await current(health, ctx);
    return host ? ctx.services.health.usage(host) : null;
  }
}

/** The stored host, not the parent object: a subscription payload is a snapshot without its (sealed) credentials. */
function current(health: HostHealth, ctx: GraphQLContext) {
  return ctx.loaders.hostById.load(health.host.id);
}
