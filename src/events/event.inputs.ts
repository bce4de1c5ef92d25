import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { DockerEvent } from './event.entity';
import { EventSeverity } from './event.enums';

@InputType()
export class DockerEventFilterInput {
  @Field(() => ID, { nullable: true })
  hostId?: string | null;

  @Field(() => String, { nullable: true, description: 'container, image, network, volume, daemon, fleet' })
  type?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact action, e.g. die, oom, "health_status: unhealthy"' })
  action?: string | null;

  @Field(() => EventSeverity, { nullable: true })
  severity?: EventSeverity | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive' })
  until?: Date | null;
}

@ObjectType()
export class DockerEventConnection extends Connection(DockerEvent, 'DockerEvent') {}
