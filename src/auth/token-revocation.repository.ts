import { EntityRepository } from '@mikro-orm/postgresql';
import { TokenRevocation } from './token-revocation.entity';

export class TokenRevocationRepository extends EntityRepository<TokenRevocation> {
  /**
   * Moves the account's cut-off forward to `before`, in one statement (two first revocations at once cannot both
   * insert). Null when the stored cut-off is already as late: a cut-off never moves back, or tokens would revive.
   */
  async moveForward(accountId: string, before: Date, by: string, at: Date): Promise<TokenRevocation | null> {
    const [row] = await this.getEntityManager().getConnection().execute<Array<{ revoked_before: Date; revoked_by: string | null; updated_at: Date }>>(
      `insert into token_revocations (account_id, revoked_before, revoked_by, updated_at) values (?, ?, ?, ?)
       on conflict (account_id) do update set revoked_before = excluded.revoked_before, revoked_by = excluded.revoked_by, updated_at = excluded.updated_at
         where token_revocations.revoked_before < excluded.revoked_before
       returning revoked_before, revoked_by, updated_at`,
      [accountId, before, by, at],
    );
    return row ? Object.assign(new TokenRevocation(), { accountId, revokedBefore: new Date(row.revoked_before), revokedBy: row.revoked_by, updatedAt: new Date(row.updated_at) }) : null;
  }
}
