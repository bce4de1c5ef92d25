import type { Principal } from '../../src/auth/principal';
import { ServiceLedger, type RevisionLedger } from '../../src/swarm/service.ledger';
import { principalIn } from './fakes/hosts.fake';

const alice: Principal = principalIn('acct-a');

/** The DeploymentRecorder's entry, in memory: every change it was told of, or a failure for each. */
function recorder(fail = false) {
  const told: Array<{ clusterId: string; stack: string | null; service: string; rollback?: boolean; description: string }> = [];
  const ledger: RevisionLedger = {
    async changed(_p, clusterId, what, description) {
      if (fail) throw new Error('database gone');
      told.push({ clusterId, ...what, description });
      return null;
    },
  };
  return { ledger, told };
}

describe(ServiceLedger.name, () => {
  it("tells the ledger of one service's change with its stack and a description naming the service", async () => {
    const { ledger, told } = recorder();
    await new ServiceLedger({ ledger }).record(alice, { clusterId: 'c1', stack: 'shop', name: 'shop_web' }, 'removeSwarmService');
    await new ServiceLedger({ ledger }).record(alice, { clusterId: 'c1', stack: 'shop', name: 'shop_web' }, "rollbackSwarmService (Docker's one-step rollback)", { rollback: true });
    expect(told).toEqual([
      { clusterId: 'c1', stack: 'shop', service: 'shop_web', rollback: false, description: 'shop_web: removeSwarmService' },
      { clusterId: 'c1', stack: 'shop', service: 'shop_web', rollback: true, description: "shop_web: rollbackSwarmService (Docker's one-step rollback)" },
    ]);
  });

  it('records one act on several services as one revision per stack, naming its services, and none for a service outside a stack', async () => {
    const { ledger, told } = recorder();
    const services = [
      { name: 'shop_web', stack: 'shop' },
      { name: 'loose', stack: null },
      { name: 'blog_app', stack: 'blog' },
      { name: 'shop_api', stack: 'shop' },
    ];
    await new ServiceLedger({ ledger }).recordEach(alice, 'c1', services, 'secret db rotated to db.v2');
    expect(told.map((t) => [t.stack, t.description])).toEqual([
      ['blog', 'blog_app: secret db rotated to db.v2'],
      ['shop', 'shop_api, shop_web: secret db rotated to db.v2'],
    ]);
  });

  it('lets the change stand when the ledger cannot record it: logged, not thrown', async () => {
    const warnings: string[] = [];
    const logger = { warn: (_o: object, message: string) => void warnings.push(message) } as never;
    await new ServiceLedger({ ledger: recorder(true).ledger, logger }).record(alice, { clusterId: 'c1', stack: 'shop', name: 'shop_web' }, 'scaleSwarmService to 2');
    expect(warnings).toEqual(['the change was made, but the revision ledger could not record it']);
  });
});
