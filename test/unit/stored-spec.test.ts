import { storedSpecFor } from '../../src/deployments/strategies/others';
import type { PlannedService } from '../../src/stacks/compose';

describe('storedSpecFor: a revision stored spec of the routed service, made into the planned one', () => {
  it("keeps the stored image (digest) and takes the compose file's name, ports and networks by name", () => {
    const planned = { shortName: 'web', spec: { Name: 'shop_web', Labels: {}, EndpointSpec: { Ports: [{ TargetPort: 8080, PublishedPort: 81, PublishMode: 'host' }] }, TaskTemplate: { ContainerSpec: { Image: 'web:v2' }, Networks: [{ Target: 'shop_default', Aliases: ['web'] }] } } } as unknown as PlannedService;
    const stored = { Name: 'shop_web-green', Labels: { 'fleet.deployment.role': 'green', keep: 'yes' }, EndpointSpec: { Ports: [{ TargetPort: 8080, PublishedPort: 82 }] }, TaskTemplate: { ForceUpdate: 3, ContainerSpec: { Image: 'web:v1@sha256:' + 'a'.repeat(64) }, Networks: [{ Target: 'oldnetworkid', Aliases: ['web'] }] } };
    const spec = storedSpecFor(planned, stored)!;
    expect(spec.Name).toBe('shop_web');
    expect(spec.TaskTemplate.ContainerSpec.Image).toBe(`web:v1@sha256:${'a'.repeat(64)}`);
    expect(spec.TaskTemplate.Networks).toEqual([{ Target: 'shop_default', Aliases: ['web'] }]);
    expect(spec.EndpointSpec).toEqual(planned.spec.EndpointSpec);
    expect(spec.Labels).toEqual({ keep: 'yes' });
    expect((spec.TaskTemplate as { ForceUpdate?: number }).ForceUpdate).toBeUndefined();
  });
});
