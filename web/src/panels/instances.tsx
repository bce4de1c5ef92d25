import type { Fleet } from '../store';
import { Badge } from './hosts';
import { Table, wideOnly } from './table';

/** Container instances (runs), newest first, with their status as it changes. */
export function InstancesPanel({ fleet }: { fleet: Fleet }) {
  const instances = [...fleet.instances.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const hostName = (id: string | null | undefined) => (id && fleet.hosts.get(id)?.name) || '—';
  return (
    <section class="panel" aria-labelledby="instances-title">
      <h2 id="instances-title">Container instances ({instances.length})</h2>
      {instances.length === 0 && <p class="empty">No runs yet.</p>}
      {instances.length > 0 && (
        <Table columns={['Run', wideOnly('Image'), 'Status', 'Host', 'Exit']}>
          {instances.map((i) => (
            <tr key={i.id} data-testid={`instance-${i.name}`}>
              <th scope="row">{i.name}</th>
              <td class="mono hide-narrow">{i.image}</td>
              <td>
                <Badge value={i.status} />
                {i.errorCode && <span class="error"> {i.errorCode}</span>}
              </td>
              <td>{hostName(i.hostId)}</td>
              <td>{i.exitCode ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
