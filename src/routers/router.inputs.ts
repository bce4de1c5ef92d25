import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { RouterKind } from './router.entity';

@InputType({ description: 'A router already running beside the API: haproxy -W -S <masterEndpoint> -f <configPath>' })
export class RegisterTrafficRouterInput {
  @Field({ description: 'Unique within the account' })
  name!: string;

  @Field(() => RouterKind, { nullable: true, description: 'Default HAPROXY' })
  kind?: RouterKind | null;

  @Field({ description: 'Its runtime API (stats socket, level admin): tcp://host:port or unix:///path' })
  runtimeEndpoint!: string;

  @Field({ description: 'Its master CLI (the -S of haproxy -W), used to reload' })
  masterEndpoint!: string;

  @Field({ description: 'The absolute path of the haproxy.cfg it was started with: the product rewrites it' })
  configPath!: string;
}

@ObjectType('TrafficServerStats', { description: "One server of a route, as the running HAProxy worker counts it (a reload resets the counters)" })
export class TrafficServerStatsView {
  @Field() name!: string;
  @Field() address!: string;
  @Field(() => Int) port!: number;
  @Field(() => Int) weight!: number;
  @Field(() => String, { nullable: true }) version!: string | null;
  @Field({ description: 'UP, DOWN, DRAIN, MAINT, or "no check" (up, not health-checked)' }) status!: string;
  @Field(() => Int) requests!: number;
  @Field(() => Int) responses2xx!: number;
  @Field(() => Int) errors5xx!: number;
  @Field(() => Float, { description: 'Mean response time over its last 1024 requests, ms' }) meanResponseTimeMs!: number;
  @Field(() => Int) sessionsCurrent!: number;
}
