import { Entity, EntityRepositoryType, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { DockerHost } from '../hosts/host.entity';
import { AccountOwned } from '../inventory/inventory.entity';
import { EventSeverity } from './event.enums';
import { EventRepository } from './event.repository';

/** What an Engine event is, stored: the fields every stored event log shares (a host's, a swarm cluster's). */
@ObjectType('EngineEventBase')
export abstract class EngineEventRecord extends AccountOwned {
  @Field({ description: 'container, image, network, volume, daemon, ... (or fleet, for what this server observed)' })
  @Property({ type: 'string', length: 32 })
  type!: string;

  @Field({ description: 'start, die, health_status: unhealthy, ...' })
  @Property({ type: 'string', length: 256 })
  action!: string;

  @Field()
  @Property({ type: 'string', length: 256 })
  actorId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 256, nullable: true })
  actorName?: string | null;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  attributes: Record<string, string> = {};

  @Field(() => EventSeverity)
  @Enum({ items: () => EventSeverity, nativeEnumName: 'event_severity' })
  severity!: EventSeverity;

  @Field({ description: 'When the Engine emitted it' })
  @Property({ type: 'datetime' })
  time!: Date;

  /** Nanosecond timestamp as Docker sends it: the resume checkpoint, and part of the de-duplication key. */
  @Property({ type: 'bigint' })
  timeNano!: string;
}

/**
 * The seed's DockerEvent: what a host's Engine reported, kept for the retention period. The unique key makes a replay
 * after a reconnect (`since` = checkpoint, which repeats the checkpoint's own events) store nothing twice.
 */
@ObjectType('DockerEvent')
@Entity({ tableName: 'docker_events', repository: () => EventRepository })
@Unique({ name: 'docker_events_dedupe', properties: ['hostId', 'timeNano', 'type', 'action', 'actorId'] })
@Index({ name: 'docker_events_account_time_idx', properties: ['accountId', 'time'] })
// The runbook's post-operation check (severity ERROR since the operation start) reads only the rare ERROR rows of
// one account, newest first, and counts them: with only (account, time) it would walk every event since.
@Index({ name: 'docker_events_account_severity_time_idx', properties: ['accountId', 'severity', 'time'] })
@Index({ name: 'docker_events_time_idx', properties: ['time'] })
// Execs into container instances' containers (the only exec events stored), read per container by the instances' meter.
@Index({ name: 'docker_events_exec_actor_idx', properties: ['actorId'], expression: `create index "docker_events_exec_actor_idx" on "docker_events" ("actor_id") where "action" like 'exec\\_create%'` })
export class DockerEvent extends EngineEventRecord {
  [EntityRepositoryType]?: EventRepository;

  @Field(() => ID)
  @ManyToOne(() => DockerHost, { mapToPk: true, deleteRule: 'cascade', fieldName: 'host_id', type: 'uuid' })
  hostId!: string;
}
