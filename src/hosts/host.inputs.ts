import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { DockerHost } from './host.entity';
import { HostEnvironment, HostStatus } from './host.enums';

@InputType({ description: 'PEM material for mutual TLS. Encrypted at rest and never returned.' })
export class TlsCredentialsInput {
  @Field(() => String, { nullable: true, description: 'CA certificate that signed the daemon certificate' })
  ca?: string | null;

  @Field(() => String, { nullable: true, description: 'Client certificate' })
  cert?: string | null;

  @Field(() => String, { nullable: true, description: 'Client private key' })
  key?: string | null;
}

@InputType()
export class RegisterDockerHostInput {
  @Field({ description: 'Unique within the account' })
  name!: string;

  @Field({ description: 'unix:///var/run/docker.sock, tcp://host:2375 or https://host:2376' })
  apiEndpoint!: string;

  @Field(() => HostEnvironment)
  environment!: HostEnvironment;

  @Field(() => Boolean, { nullable: true, description: 'Verify the daemon certificate (default true; required for PRODUCTION)' })
  tlsVerify?: boolean | null;

  @Field(() => TlsCredentialsInput, { nullable: true })
  tlsCredentials?: TlsCredentialsInput | null;

  @Field(() => Int, { nullable: true, description: 'Seconds between syncs, 30 to 3600 (default 60)' })
  syncIntervalSeconds?: number | null;
}

@InputType({ description: 'Fields left out are unchanged. tlsCredentials: null removes the stored credentials.' })
export class UpdateDockerHostInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  apiEndpoint?: string | null;

  @Field(() => HostEnvironment, { nullable: true })
  environment?: HostEnvironment | null;

  @Field(() => Boolean, { nullable: true })
  tlsVerify?: boolean | null;

  @Field(() => TlsCredentialsInput, { nullable: true })
  tlsCredentials?: TlsCredentialsInput | null;

  @Field(() => Int, { nullable: true })
  syncIntervalSeconds?: number | null;
}

@InputType()
export class DockerHostFilter {
  @Field(() => HostStatus, { nullable: true })
  status?: HostStatus | null;

  @Field(() => HostEnvironment, { nullable: true })
  environment?: HostEnvironment | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name or endpoint' })
  search?: string | null;
}

@ObjectType()
export class DockerHostConnection extends Connection(DockerHost, 'DockerHost') {}
