import { Entity, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { ClusterObject } from './cluster-object.entity';

@ObjectType('SwarmNode', { description: 'A node of a swarm (the seed\'s SwarmNode), as its managers report it' })
@Entity({ tableName: 'swarm_nodes' })
@Unique({ name: 'swarm_nodes_cluster_docker_id_unique', properties: ['clusterId', 'dockerId'] })
export class SwarmNode extends ClusterObject {
  @Field()
  @Property({ type: 'string', length: 256 })
  hostname!: string;

  @Field({ description: 'manager or worker' })
  @Property({ type: 'string', length: 16 })
  role!: string;

  @Field({ description: 'active, pause or drain' })
  @Property({ type: 'string', length: 16 })
  availability!: string;

  @Field({ description: 'ready, down, unknown or disconnected' })
  @Property({ type: 'string', length: 16 })
  state!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  statusMessage?: string | null;

  @Field(() => String, { nullable: true, description: 'The address the node is seen at' })
  @Property({ type: 'string', length: 256, nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Managers only: reachable, unreachable or unknown' })
  @Property({ type: 'string', length: 16, nullable: true })
  managerReachability?: string | null;

  @Field(() => String, { nullable: true, description: 'Managers only: the raft address' })
  @Property({ type: 'string', length: 256, nullable: true })
  managerAddr?: string | null;

  @Field()
  @Property({ type: 'boolean' })
  leader: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  engineVersion?: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Node labels (set through updateSwarmNode)' })
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Field(() => GraphQLJSONObject, { description: "The engine's own labels" })
  @Property({ type: 'json' })
  engineLabels: Record<string, string> = {};

  @Property({ type: 'bigint', nullable: true, runtimeType: 'number' })
  nanoCpus?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @Property({ type: 'bigint', nullable: true, runtimeType: 'number' })
  memoryBytes?: number | null;

  /** Docker's object version (what a node update is made at). */
  @Property({ type: 'bigint', runtimeType: 'number' })
  versionIndex: number = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  createdAt?: Date | null;

  @Field(() => Float, { nullable: true, description: 'CPUs the node offers' })
  get cpus(): number | null {
    return this.nanoCpus == null ? null : this.nanoCpus / 1e9;
  }
}
