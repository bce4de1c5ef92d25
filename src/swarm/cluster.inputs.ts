import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { HostEnvironment, HostStatus } from '../hosts/host.enums';
import { TlsCredentialsInput } from '../hosts/host.inputs';
import { SwarmCluster } from './cluster.entity';
import { SwarmNode } from './node.entity';
import { SwarmConfig, SwarmSecret } from './secret.entity';
import { SwarmService } from './service.entity';
import { SwarmEvent } from './swarm-event.entity';
import { SwarmNetwork } from './swarm-network.entity';
import { SwarmTask } from './task.entity';

@InputType({ description: 'Give managerEndpoint (a manager\'s Engine API) or managerHostId (a registered host that is a manager), not both' })
export class RegisterSwarmClusterInput {
  @Field({ description: 'Unique within the account' })
  name!: string;

  @Field(() => HostEnvironment)
  environment!: HostEnvironment;

  @Field(() => String, { nullable: true, description: 'tcp://host:2375 or https://host:2376 of a manager' })
  managerEndpoint?: string | null;

  @Field(() => ID, { nullable: true, description: 'A registered host that is a manager: its endpoint and TLS material are used' })
  managerHostId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Verify the manager certificate (default true; required for PRODUCTION)' })
  tlsVerify?: boolean | null;

  @Field(() => TlsCredentialsInput, { nullable: true })
  tlsCredentials?: TlsCredentialsInput | null;

  @Field(() => Int, { nullable: true, description: 'Seconds between full syncs, 30 to 3600 (default 60)' })
  syncIntervalSeconds?: number | null;
}

@InputType({ description: 'Fields left out are unchanged. tlsCredentials: null removes the stored credentials.' })
export class UpdateSwarmClusterInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => HostEnvironment, { nullable: true }) environment?: HostEnvironment | null;
  @Field(() => String, { nullable: true }) managerEndpoint?: string | null;
  @Field(() => Boolean, { nullable: true }) tlsVerify?: boolean | null;
  @Field(() => TlsCredentialsInput, { nullable: true }) tlsCredentials?: TlsCredentialsInput | null;
  @Field(() => Int, { nullable: true }) syncIntervalSeconds?: number | null;
}

@InputType()
export class SwarmClusterFilter {
  @Field(() => HostStatus, { nullable: true }) status?: HostStatus | null;
  @Field(() => HostEnvironment, { nullable: true }) environment?: HostEnvironment | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name or endpoint' }) search?: string | null;
}

@InputType({ description: 'Narrows a swarm listing; each kind reads the keys that apply to it' })
export class SwarmFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => String, { nullable: true, description: "Tasks: Docker's id of their service" }) serviceId?: string | null;
  @Field(() => String, { nullable: true, description: "Tasks: Docker's id of their node" }) nodeId?: string | null;
  @Field(() => String, { nullable: true, description: 'Services: the stack' }) stack?: string | null;
  @Field(() => String, { nullable: true, description: 'Tasks: current or desired state' }) state?: string | null;
}

@InputType()
export class SwarmEventFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => String, { nullable: true }) action?: string | null;
  @Field(() => Date, { nullable: true }) since?: Date | null;
  @Field(() => Date, { nullable: true }) until?: Date | null;
}

@ObjectType() export class SwarmClusterConnection extends Connection(SwarmCluster, 'SwarmCluster') {}
@ObjectType() export class SwarmNodeConnection extends Connection(SwarmNode, 'SwarmNode') {}
@ObjectType() export class SwarmServiceConnection extends Connection(SwarmService, 'SwarmService') {}
@ObjectType() export class SwarmTaskConnection extends Connection(SwarmTask, 'SwarmTask') {}
@ObjectType() export class SwarmSecretConnection extends Connection(SwarmSecret, 'SwarmSecret') {}
@ObjectType() export class SwarmConfigConnection extends Connection(SwarmConfig, 'SwarmConfig') {}
@ObjectType() export class SwarmNetworkConnection extends Connection(SwarmNetwork, 'SwarmNetwork') {}
@ObjectType() export class SwarmEventConnection extends Connection(SwarmEvent, 'SwarmEvent') {}
