import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountOwned } from '../inventory/inventory.entity';
import { SwarmCluster } from '../swarm/cluster.entity';

export enum RouterKind {
  HAPROXY = 'HAPROXY',
}
registerEnumType(RouterKind, { name: 'TrafficRouterKind', description: 'The technology a traffic router runs (HAProxy 2.6 from Debian)' });

/**
 * A router the API drives to switch traffic between versions of a service. It runs beside the API, started as
 * `haproxy -W -S <master> -f <configPath>`: the product writes configPath, reloads through the master CLI, and moves
 * weights live through the runtime API (no reload, so no request fails).
 */
@ObjectType('TrafficRouter')
@Entity({ tableName: 'traffic_routers' })
@Unique({ name: 'traffic_routers_account_name_unique', properties: ['accountId', 'name'] })
export class TrafficRouter extends AccountOwned {
  @Field({ description: 'Unique within the account' })
  @Property({ type: 'string', length: 128 })
  name!: string;

  @Field(() => RouterKind)
  @Enum({ items: () => RouterKind, nativeEnumName: 'traffic_router_kind' })
  kind: RouterKind = RouterKind.HAPROXY;

  @Field({ description: 'The runtime API (stats socket, level admin): tcp://host:port or unix:///path' })
  @Property({ type: 'string', length: 512 })
  runtimeEndpoint!: string;

  @Field({ description: 'The master CLI (haproxy -W -S ...), used to reload' })
  @Property({ type: 'string', length: 512 })
  masterEndpoint!: string;

  @Field({ description: 'The haproxy.cfg the product writes (on the API\'s machine)' })
  @Property({ type: 'string', length: 1024 })
  configPath!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One server of a route: a task's node address and published port, with its weight and version label. */
@ObjectType('TrafficRouteServer')
export class RouteServer {
  @Field() name!: string;
  @Field() address!: string;
  @Field(() => Int) port!: number;
  @Field(() => Int, { description: '0–256; a share is weight / sum of weights' }) weight!: number;
  @Field(() => String, { nullable: true, description: 'The version or label it serves (stable, canary, v2...)' }) version?: string | null;
}

/** A service of a stack reached through a router: a frontend on listenPort, a roundrobin backend of weighted servers. */
@ObjectType('TrafficRoute')
@Entity({ tableName: 'traffic_routes' })
@Unique({ name: 'traffic_routes_service_unique', properties: ['routerId', 'clusterId', 'stack', 'service'] })
@Unique({ name: 'traffic_routes_port_unique', properties: ['routerId', 'listenPort'] })
@Index({ properties: ['accountId'] })
export class TrafficRoute extends AccountOwned {
  @Field(() => ID)
  @ManyToOne(() => TrafficRouter, { mapToPk: true, deleteRule: 'cascade', fieldName: 'router_id', type: 'uuid' })
  routerId!: string;

  @Field(() => ID)
  @ManyToOne(() => SwarmCluster, { mapToPk: true, deleteRule: 'cascade', fieldName: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @Field() @Property({ type: 'string', length: 256 }) stack!: string;

  @Field({ description: 'The logical service (e.g. web), whatever swarm services serve its versions' })
  @Property({ type: 'string', length: 256 })
  service!: string;

  @Field(() => Int) @Property({ type: 'integer' }) listenPort!: number;

  @Field({ description: 'The HAProxy backend (and, with fe_ instead of bk_, the frontend)' })
  @Property({ type: 'string', length: 128 })
  backend!: string;

  @Field(() => String, { nullable: true, description: 'Health-checked with option httpchk GET <path> when set' })
  @Property({ type: 'string', length: 512, nullable: true })
  healthCheckPath?: string | null;

  @Field(() => [RouteServer])
  @Property({ type: 'json' })
  servers: RouteServer[] = [];

  @Field()
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
