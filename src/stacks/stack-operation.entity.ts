import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Operation } from '../operations/operation.entity';
import { SwarmCluster } from '../swarm/cluster.entity';

export enum StackOperationKind {
  DEPLOY = 'DEPLOY',
  REMOVE = 'REMOVE',
}
registerEnumType(StackOperationKind, { name: 'StackOperationKind' });

/**
 * A stack deploy or removal as a durable operation (src/operations): its row outlives the request, its progress (each
 * network, secret, config and service as it is done) streams by its id, and one a dead instance left RUNNING is
 * settled by another. Next, deployments run the same way.
 */
@ObjectType()
@Entity({ tableName: 'stack_operations' })
@Index({ name: 'stack_operations_account_idx', properties: ['accountId', 'startedAt'] })
export class StackOperation extends Operation {
  @Field(() => ID)
  @ManyToOne(() => SwarmCluster, { mapToPk: true, deleteRule: 'cascade', fieldName: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @Field({ description: 'The stack (its namespace)' })
  @Property({ type: 'string', length: 256 })
  stack!: string;

  @Field(() => StackOperationKind)
  @Enum({ items: () => StackOperationKind, nativeEnumName: 'stack_operation_kind' })
  kind!: StackOperationKind;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What it did: { changes: [{ kind, name, action, dockerId }] }' })
  @Property({ type: 'json', nullable: true })
  summary?: Record<string, unknown> | null;
}
