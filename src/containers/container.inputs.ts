import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { Container } from './container.entity';
import { ContainerState } from './container.enums';

@InputType()
export class ContainerFilterInput {
  @Field(() => ID, { nullable: true })
  hostId?: string | null;

  @Field(() => ContainerState, { nullable: true })
  state?: ContainerState | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the image reference' })
  image?: string | null;

  @Field(() => String, { nullable: true, description: '"key" (has the label) or "key=value"' })
  label?: string | null;
}

@ObjectType()
export class ContainerConnection extends Connection(Container, 'Container') {}

@ObjectType({ description: 'A container changed state on a host: every step its Docker events show, in order (created, running, exited with its code, paused, removed), each once' })
export class ContainerStateChange {
  @Field(() => ID)
  hostId!: string;

  @Field(() => Container, { description: 'The container as it was at this step (as it last was, when removed)' })
  container!: Container;

  @Field(() => ContainerState, { nullable: true, description: 'Null when the container is new' })
  previousState!: ContainerState | null;

  @Field(() => ContainerState, { description: 'REMOVING when the container was removed' })
  state!: ContainerState;

  @Field()
  removed!: boolean;

  @Field({ description: "When it happened: the Docker event's time, or the container's own start or finish time, else when a listing or read-back found the change" })
  at!: Date;
}
