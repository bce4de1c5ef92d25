import { PrivateDaemon } from '../support/private-daemon';
it('forgets stop', async () => {
  const a = await PrivateDaemon.start({ name: 'forgotten' });
  const c = await a.docker.createContainer({ Image: 'fleet/busybox:latest', Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
  await c.start();
  const b = await PrivateDaemon.start({ name: 'forgotten-killed' });
  const d = await b.docker.createContainer({ Image: 'fleet/busybox:latest', Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
  await d.start();
  await b.kill();
}, 60000);
