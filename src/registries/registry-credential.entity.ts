import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** Credentials for one registry, per account. The password is sealed like TLS material and has no @Field. */
@ObjectType()
@Entity({ tableName: 'registry_credentials' })
@Unique({ name: 'registry_credentials_account_registry_unique', properties: ['accountId', 'registry'] })
export class RegistryCredential {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field({ description: 'Registry host[:port], e.g. registry.example.com or 127.0.0.1:5001 (docker.io for Docker Hub)' })
  @Property({ type: 'string', length: 256 })
  registry!: string;

  @Field()
  @Property({ type: 'string', length: 256 })
  username!: string;

  @Property({ type: 'text' })
  encryptedPassword!: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
