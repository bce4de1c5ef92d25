import type { Principal } from '../auth/principal';
import { InputError } from '../common/errors';
import type { QuotaRepository } from './quota.repository';
import type { AccountQuotaView, QuotaRequest, SetAccountQuotaInput } from './quota.types';

const LIMIT_NAMES = ['concurrentInstances', 'cpuMillicores', 'memoryMb', 'storageMb'] as const;
const MAX_LIMIT = 2_000_000_000;

/** The seed's QuotaService: an account's limits, its use, and atomic admission of what a run asks for. */
export class QuotaManager {
  constructor(private readonly repository: Pick<QuotaRepository, 'admit' | 'release' | 'limits' | 'setLimits' | 'use'>) {}

  /** QUOTA_EXCEEDED naming the limit, the use and the request when the run does not fit. */
  async admit(accountId: string, holderId: string, request: QuotaRequest) {
    for (const [name, value] of Object.entries(request)) if (!Number.isInteger(value) || value < 0) throw new InputError(name, 'must be a whole number of 0 or more');
    return this.repository.admit(accountId, holderId, request);
  }

  release(holderId: string): Promise<boolean> {
    return this.repository.release(holderId);
  }

  async set(principal: Principal, input: SetAccountQuotaInput): Promise<AccountQuotaView> {
    for (const name of LIMIT_NAMES) {
      const value = input[name];
      if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_LIMIT)) throw new InputError(name, `must be between 0 and ${MAX_LIMIT}, or null for no limit`);
    }
    await this.repository.setLimits(principal.accountId, Object.fromEntries(LIMIT_NAMES.map((name) => [name, input[name] ?? null])) as Record<(typeof LIMIT_NAMES)[number], number | null>);
    return this.get(principal);
  }

  async get(principal: Principal): Promise<AccountQuotaView> {
    const [limits, use] = await Promise.all([this.repository.limits(principal.accountId), this.repository.use(principal.accountId)]);
    return { accountId: principal.accountId, ...Object.fromEntries(LIMIT_NAMES.map((name) => [name, limits?.[name] ?? null])), use };
  }
}
