import { Deployment, DeploymentStatus } from '../../src/deployments/deployment.entity';
import { DEPLOYMENT_EVENT_TYPE, transitionEvent } from '../../src/deployments/deployment.events';
import { EventSeverity } from '../../src/events/event.enums';

const deployment = (fields: Partial<Deployment>) => Object.assign(new Deployment(), { accountId: 'acct', clusterId: 'c1', target: 'stack:app', stack: 'app', revision: 3, actorId: 'u', ...fields });

describe(transitionEvent.name, () => {
  it('records the new status as the action on the deployment, with where it came from and the instance that made it', () => {
    const d = deployment({ status: DeploymentStatus.ROLLED_BACK, reason: 'Swarm paused the update of app_web; the stack is back on revision 2', stepCount: 9 });
    const event = transitionEvent(d, DeploymentStatus.IN_PROGRESS, 'api-2');
    expect(event).toMatchObject({ accountId: 'acct', clusterId: 'c1', type: DEPLOYMENT_EVENT_TYPE, action: 'rolled_back', actorId: d.id, actorName: 'app', severity: EventSeverity.WARNING });
    expect(event.attributes).toEqual({ deploymentId: d.id, stack: 'app', revision: '3', status: 'ROLLED_BACK', strategy: 'ROLLING', source: 'API', from: 'IN_PROGRESS', reason: d.reason, instance: 'api-2' });
  });

  it('is an ERROR for FAILED, INFO for the way there', () => {
    expect(transitionEvent(deployment({ status: DeploymentStatus.FAILED }), DeploymentStatus.IN_PROGRESS, null).severity).toBe(EventSeverity.ERROR);
    expect(transitionEvent(deployment({ status: DeploymentStatus.PENDING }), null, null).severity).toBe(EventSeverity.INFO);
  });

  it('keeps two transitions of one deployment in the same millisecond apart under the log\'s unique key (the step count in the nanoseconds)', () => {
    const d = deployment({ status: DeploymentStatus.PAUSED, stepCount: 4 });
    const paused = transitionEvent(d, DeploymentStatus.IN_PROGRESS, 'a');
    Object.assign(d, { status: DeploymentStatus.IN_PROGRESS, stepCount: 5 });
    const resumed = transitionEvent(d, DeploymentStatus.PAUSED, 'a');
    Object.assign(d, { status: DeploymentStatus.PAUSED, stepCount: 6 });
    const again = transitionEvent(d, DeploymentStatus.IN_PROGRESS, 'a');
    expect(new Set([paused.timeNano, resumed.timeNano, again.timeNano]).size).toBe(3);
    expect(BigInt(again.timeNano) / 1_000_000n).toBe(BigInt(again.time.getTime()));
  });
});
