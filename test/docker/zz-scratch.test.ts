import { PrivateDaemon } from '../support/private-daemon';
const ms = (t: bigint) => Number((process.hrtime.bigint() - t) / 1_000_000n);
it('timings', async () => {
  const rows: string[] = [];
  for (let i = 0; i < 4; i++) {
    let t = process.hrtime.bigint();
    const [a, b] = i === 3 ? await Promise.all([PrivateDaemon.start(), PrivateDaemon.start()]) : [await PrivateDaemon.start(), undefined];
    const start = ms(t);
    const c = await a.docker.createContainer({ Image: 'fleet/busybox:latest', Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' }, StopTimeout: 1 });
    await c.start();
    t = process.hrtime.bigint(); await a.kill(); const kill = ms(t);
    t = process.hrtime.bigint(); await a.restart(); const restart1 = ms(t);
    t = process.hrtime.bigint(); await a.kill(); const kill2 = ms(t);
    t = process.hrtime.bigint(); await a.restart(); const restart2 = ms(t);
    await c.start();
    t = process.hrtime.bigint(); await a.stop(); const stop = ms(t);
    if (b) { t = process.hrtime.bigint(); await b.kill(); await b.stop(); rows.push(`b kill+stop ${ms(t)}`); }
    rows.push(`start ${start} kill ${kill} restart(1 running, StopTimeout 1) ${restart1} kill(no containers running) ${kill2} restart(none running) ${restart2} stop(1 running) ${stop}`);
  }
  console.log(rows.join('\n'));
}, 120000);
