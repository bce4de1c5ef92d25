import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ClusterObject } from './cluster-object.entity';

@ObjectType('SwarmTask', { description: 'A task of a service: one slot on one node. Docker emits no task events: tasks are polled' })
@Entity({ tableName: 'swarm_tasks' })
@Unique({ name: 'swarm_tasks_cluster_docker_id_unique', properties: ['clusterId', 'dockerId'] })
@Index({ name: 'swarm_tasks_service_idx', properties: ['clusterId', 'serviceId'] })
@Index({ name: 'swarm_tasks_node_idx', properties: ['clusterId', 'nodeId'] })
export class SwarmTask extends ClusterObject {
  @Field({ description: "Docker's id of the service" })
  @Property({ type: 'string', length: 256 })
  serviceId!: string;

  @Field(() => String, { nullable: true, description: "Docker's id of the node (none until scheduled)" })
  @Property({ type: 'string', length: 256, nullable: true })
  nodeId?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  slot?: number | null;

  @Field()
  @Property({ type: 'string', length: 32 })
  desiredState!: string;

  @Field({ description: 'new, pending, assigned, preparing, starting, running, complete, failed, rejected, shutdown, orphaned…' })
  @Property({ type: 'string', length: 32 })
  state!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed: "No such image", "no suitable node", ...' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  exitCode?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 256, nullable: true })
  containerId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  image?: string | null;

  @Field({ description: "Runs the service's current spec (not a leftover of an earlier one)" })
  @Property({ type: 'boolean' })
  upToDate: boolean = false;

  @Property({ type: 'bigint', runtimeType: 'number' })
  versionIndex: number = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  createdAt?: Date | null;
}
