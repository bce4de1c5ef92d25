import type { PageContainerFragment } from '../../generated/graphql';
import { ContainerState, PageRestartContainerDocument, PageStartContainerDocument, PageStopContainerDocument } from '../../generated/graphql';
import type { Act } from '../app';
import type { Session } from '../client';
import { byName, type Fleet } from '../store';
import { Table, wideOnly } from './table';

/** Docker hosts with their status, and each host's containers with their state and the start/stop/restart actions. */
export function HostsPanel({ fleet, session, act, showLogs }: { fleet: Fleet; session: Session; act: Act; showLogs: (id: string) => void }) {
  const hosts = byName(fleet.hosts.values());
  const containers = byName(fleet.containers.values());
  return (
    <section class="panel wide" aria-labelledby="hosts-title">
      <h2 id="hosts-title">Docker hosts ({hosts.length})</h2>
      {hosts.length === 0 && <p class="empty">No hosts yet: registerDockerHost adds one.</p>}
      {hosts.map((host) => {
        const own = containers.filter((c) => c.hostId === host.id);
        return (
          <article class="host" key={host.id} data-testid={`host-${host.name}`}>
            <h3>
              {host.name} <Badge value={host.status} testid="host-status" />
            </h3>
            <p class="meta">
              {host.apiEndpoint}
              {host.dockerVersion && ` · Docker ${host.dockerVersion}`} · {own.length} containers
              {host.lastError && <span class="error"> · {host.lastError}</span>}
            </p>
            {own.length > 0 && (
              <Table columns={['Container', wideOnly('Image'), 'State', wideOnly('Status'), 'Actions']}>
                {own.map((c) => (
                  <ContainerRow key={c.id} container={c} session={session} act={act} showLogs={showLogs} />
                ))}
              </Table>
            )}
          </article>
        );
      })}
    </section>
  );
}

function ContainerRow({ container: c, session, act, showLogs }: { container: PageContainerFragment; session: Session; act: Act; showLogs: (id: string) => void }) {
  const running = c.state === ContainerState.Running || c.state === ContainerState.Restarting;
  return (
    <tr data-testid={`container-${c.name}`}>
      <th scope="row">{c.name}</th>
      <td class="mono hide-narrow">{c.image}</td>
      <td>
        <Badge value={c.state} testid="container-state" />
      </td>
      <td class="hide-narrow">{c.status}</td>
      <td class="actions">
        {running ? (
          <button type="button" aria-label={`Stop ${c.name}`} onClick={() => act(`Stop ${c.name}`, () => session.request(PageStopContainerDocument, { id: c.id }))}>
            Stop
          </button>
        ) : (
          <button type="button" aria-label={`Start ${c.name}`} onClick={() => act(`Start ${c.name}`, () => session.request(PageStartContainerDocument, { id: c.id }))}>
            Start
          </button>
        )}
        <button type="button" aria-label={`Restart ${c.name}`} onClick={() => act(`Restart ${c.name}`, () => session.request(PageRestartContainerDocument, { id: c.id }))}>
          Restart
        </button>
        <button type="button" aria-label={`Logs of ${c.name}`} onClick={() => showLogs(c.id)}>
          Logs
        </button>
      </td>
    </tr>
  );
}

/** A status word with its colour (the word itself carries the meaning; the colour only helps). */
export function Badge({ value, testid }: { value: string; testid?: string }) {
  return (
    <span class={`badge badge-${value.toLowerCase()}`} data-testid={testid}>
      {value}
    </span>
  );
}
