import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../common/errors';
import { isId } from '../common/ids';
import type { KeyRing } from '../crypto/cipher';
import type { WorkloadPolicy } from '../security/workload-policy';
import { ContainerTemplate } from './template.entity';
import type { ContainerTemplateInput } from './template.inputs';
import { enforceVaultPolicies, validateTemplate } from './template.rules';

/**
 * Container templates per account. The workload policy judges a template when it is saved (its literal settings)
 * and again at every run, on the host chosen — a permission taken away since still stops the run.
 */
export class TemplateManager {
  constructor(private readonly deps: { orm: MikroORM; keyRing: KeyRing; policy: Pick<WorkloadPolicy, 'enforceDefinition'>; vaultPolicyPattern: string }) {}

  async create(principal: Principal, input: ContainerTemplateInput): Promise<ContainerTemplate> {
    const template = Object.assign(new ContainerTemplate(), { accountId: principal.accountId });
    this.apply(principal, template, input);
    return this.save(template, input.name);
  }

  /**
   * Written only over the version it read: two updates at once cannot both become version N + 1 (a run names the
   * version it used, so that must say what ran), and an update racing a delete does not bring the template back.
   */
  async update(principal: Principal, id: string, input: ContainerTemplateInput): Promise<ContainerTemplate> {
    const template = await this.get(principal, id);
    const read = template.version;
    this.apply(principal, template, input);
    template.version = read + 1;
    template.updatedAt = new Date();
    const { id: _id, accountId: _account, createdAt: _created, ...changes } = template;
    let written: number;
    try {
      written = await this.deps.orm.em.fork().nativeUpdate(ContainerTemplate, { id, accountId: principal.accountId, version: read }, changes);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`a container template named "${input.name}" exists in this account`, 'name');
      throw error;
    }
    if (written === 0) {
      await this.get(principal, id); // NOT_FOUND when it was deleted meanwhile
      throw new ConflictError(`container template ${id} was changed meanwhile (version ${read} is no longer the latest): read it again and retry`, 'id');
    }
    return template;
  }

  /** Runs keep what they ran (their own copy of the definition and the version); the template itself goes. */
  async delete(principal: Principal, id: string): Promise<string> {
    const em = this.deps.orm.em.fork();
    const removed = isId(id) ? await em.nativeDelete(ContainerTemplate, { id, accountId: principal.accountId }) : 0;
    if (!removed) throw new NotFoundError('ContainerTemplate', id);
    return id;
  }

  async get(principal: Principal, id: string): Promise<ContainerTemplate> {
    const template = isId(id) ? await this.deps.orm.em.fork().findOne(ContainerTemplate, { id, accountId: principal.accountId }) : null;
    if (!template) throw new NotFoundError('ContainerTemplate', id);
    return template;
  }

  list(principal: Principal): Promise<ContainerTemplate[]> {
    return this.deps.orm.em.fork().find(ContainerTemplate, { accountId: principal.accountId }, { orderBy: { name: 'asc' } });
  }

  /** The environment a run of this template receives (KEY=VALUE), opened from its seal. */
  environment(template: ContainerTemplate): string[] {
    return template.sealedEnv ? (JSON.parse(this.deps.keyRing.decrypt(template.sealedEnv, aad(template))) as string[]) : [];
  }

  private apply(principal: Principal, template: ContainerTemplate, input: ContainerTemplateInput): void {
    const { container, ...definition } = validateTemplate(input);
    this.deps.policy.enforceDefinition(principal, container, 'container');
    enforceVaultPolicies(this.deps.vaultPolicyPattern, principal.accountId, definition.vaultPolicies);
    const { env, ...withoutEnv } = container;
    Object.assign(template, definition, { container: withoutEnv, envNames: (env ?? []).map((entry) => entry.split('=')[0]!) });
    template.sealedEnv = env?.length ? this.deps.keyRing.encrypt(JSON.stringify(env), aad(template)) : null;
  }

  private async save(template: ContainerTemplate, name: string): Promise<ContainerTemplate> {
    const em = this.deps.orm.em.fork();
    try {
      await em.persist(template).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`a container template named "${name}" exists in this account`, 'name');
      throw error;
    }
    return template;
  }
}

/** Sealed values are bound to their row, so a ciphertext copied onto another template does not open. */
function aad(template: ContainerTemplate): string {
  return `container_templates:${template.accountId}:${template.id}:env`;
}
