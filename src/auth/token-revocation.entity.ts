import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TokenRevocationRepository } from './token-revocation.repository';

/**
 * An account's revocation cut-off: every token of the account issued before `revokedBefore` is refused (a token
 * without `iat` too, since nothing says when it was issued). One row per account; a later revocation moves it on.
 */
@ObjectType('TokenRevocation')
@Entity({ tableName: 'token_revocations', repository: () => TokenRevocationRepository })
export class TokenRevocation {
  [EntityRepositoryType]?: TokenRevocationRepository;

  @PrimaryKey({ type: 'string', length: 128 })
  accountId!: string;

  @Field({ description: 'Tokens issued before this instant are refused' })
  @Property({ type: 'timestamptz' })
  revokedBefore!: Date;

  @Field(() => String, { nullable: true, description: 'The token subject that revoked' })
  @Property({ type: 'string', length: 256, nullable: true })
  revokedBy?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
