import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { DockerHost } from '../hosts/host.entity';

@ObjectType({ description: 'Containers of a host by health, from the synced inventory' })
export class ContainerHealthSummary {
  @Field(() => Int) total!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) healthy!: number;
  @Field(() => Int) unhealthy!: number;
  @Field(() => Int) starting!: number;
  @Field(() => Int, { description: 'Containers without a HEALTHCHECK' }) none!: number;
}

@ObjectType({ description: 'Resource use of the running containers, sampled live (takes about a second)' })
export class HostUsage {
  @Field(() => Int) sampledContainers!: number;
  @Field(() => Float, { description: 'Sum over containers; 100 = one CPU fully used' }) cpuPercent!: number;
  @Field(() => GraphQLSafeInt) memoryBytes!: number;
  @Field() sampledAt!: Date;
}

/** The seed's HealthMonitor answer for one host. Each part is computed only when asked for. */
@ObjectType()
export class HostHealth {
  host!: DockerHost;
}
