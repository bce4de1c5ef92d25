import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PrivateDaemon } from '../support/private-daemon';
it('debug', async () => {
  const d = await PrivateDaemon.start({ name: 'dbg' });
  const c = await d.docker.createContainer({ Image: 'fleet/busybox:latest', Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
  await c.start();
  const cpid = readFileSync(`${d.execRoot}/containerd/containerd.pid`, 'utf8');
  await d.kill();
  console.log(execSync(`cat /proc/${cpid}/status | head -8 || true`).toString());
  try { await d.restart(); } catch (e) { console.log(String(e).slice(0, 300)); }
  console.log(execSync(`grep -n -E 'still running|Starting up|containerd' ${d.logFile} | grep -v grpc | tail -20`).toString());
}, 60000);
