import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OperationStatus } from '../operations/operation.entity';
import { StackOperation } from './stack-operation.entity';
import { Deployment } from '../deployments/deployment.entity';
import { StackChangeAction, StackObjectKind } from './stack.changes';
import { ResolveImage } from './stack.deployer';
import { StackView } from './stack.view';

registerEnumType(ResolveImage, {
  name: 'StackResolveImage',
  description: 'docker stack deploy --resolve-image: pin each service image to the digest its registry answers',
  valuesConfig: {
    ALWAYS: { description: 'Ask the registry on every deploy (the CLI default); an unchanged digest changes nothing' },
    CHANGED: { description: 'Ask only for services whose compose image string changed; others keep their pinned image' },
    NEVER: { description: 'Never ask; an unchanged image string keeps the pinned image' },
  },
});
registerEnumType(StackObjectKind, { name: 'StackObjectKind' });
registerEnumType(StackChangeAction, { name: 'StackChangeAction' });

@InputType('StackVariableInput')
export class StackVariableInput {
  @Field({ description: 'A name `${NAME}` in the file refers to' }) name!: string;
  @Field({ description: 'Its value (never logged: deploy variables feed secrets)' }) value!: string;
}

@InputType('DeployStackInput')
export class DeployStackInput {
  @Field({ description: 'The stack (namespace): services are <name>_<key>' }) name!: string;
  @Field({ description: 'The compose file\'s text (compose-spec, as docker stack deploy reads it)' }) compose!: string;
  @Field(() => [StackVariableInput], { nullable: true, description: 'The only values ${VAR} takes: the server\'s environment is never read' })
  variables?: StackVariableInput[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Remove services of the stack the file no longer has (--prune)' }) prune?: boolean | null;
  @Field(() => ResolveImage, { nullable: true, defaultValue: ResolveImage.ALWAYS }) resolveImage?: ResolveImage | null;
}

@ObjectType('StackWarning', { description: 'A key the file sets that swarm does not apply (or another note), with its line' })
export class StackWarningView {
  @Field() path!: string;
  @Field(() => Int, { nullable: true }) line?: number | null;
  @Field() message!: string;
}

@ObjectType('StackChange')
export class StackChangeView {
  @Field(() => StackObjectKind) kind!: StackObjectKind;
  @Field() name!: string;
  @Field(() => StackChangeAction) action!: StackChangeAction;
  @Field(() => String, { nullable: true }) dockerId!: string | null;
}

@ObjectType('DeployStackPayload')
export class DeployStackPayload {
  @Field(() => StackView) stack!: StackView;
  @Field(() => [StackWarningView]) warnings!: StackWarningView[];
  @Field(() => [StackChangeView], { description: 'In the order done: networks, secrets, configs, services (pruned services first)' }) changes!: StackChangeView[];
  @Field(() => [String], { description: 'What the Engine warned (e.g. an image it could not pin to a digest)' }) engineWarnings!: string[];
  @Field(() => StackOperation, { nullable: true, description: 'The stack deploy as a durable operation (stackOperation, stackOperationProgress); null while the deployment is QUEUED' }) operation!: StackOperation | null;
  @Field(() => Deployment, { description: 'The revision this deploy is, and its rollout (deploymentProgress)' }) deployment!: Deployment;
}

@ObjectType('RemoveStackPayload')
export class RemoveStackPayload {
  @Field() name!: string;
  @Field(() => [StackChangeView]) changes!: StackChangeView[];
  @Field(() => [String], { description: 'Objects that could not be removed, and why (the rest were)' }) failures!: string[];
  @Field(() => StackOperation) operation!: StackOperation;
}

@ObjectType('StackProgressMessage', { description: 'One step of a stack operation: an object created, updated, left unchanged or removed' })
export class StackProgressMessage {
  @Field(() => ID) operationId!: string;
  @Field(() => OperationStatus) status!: OperationStatus;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true, description: 'The object the line is about' }) part!: string | null;
  @Field({ description: 'The last message of the operation, with its final status' }) done!: boolean;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field() at!: Date;
}
