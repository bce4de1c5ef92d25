import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageContainerFragment } from '../../generated/graphql';
import { PageContainerLogsDocument, PageContainerLogStreamDocument } from '../../generated/graphql';
import type { Session } from '../client';

const MAX_LINES = 1000;

/** One container's last lines, then its new lines as they are written (containerLogStream), until closed. */
export function LogsPanel({ session, id, container, onClose }: { session: Session; id: string; container?: PageContainerFragment; onClose: () => void }) {
  const [lines, setLines] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const add = (more: string[]) => setLines((all) => [...all, ...more].slice(-MAX_LINES));

  useEffect(() => {
    heading.current?.focus();
    let stop = () => {};
    let closed = false;
    // The tail first, then the stream: lines written between the two answers may be missed, never doubled.
    session.request(PageContainerLogsDocument, { id }).then(
      ({ containerLogs }) => {
        if (closed) return;
        add([...splitLines(containerLogs.stdout), ...splitLines(containerLogs.stderr)]);
        stop = session.live(PageContainerLogStreamDocument, { id }, ({ containerLogStream: l }) => add(splitLines(l.line)), (e) => setError(e.message));
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      closed = true;
      stop();
    };
  }, [id]);

  return (
    <section class="panel wide" aria-labelledby="logs-title" data-testid="logs">
      <h2 id="logs-title" tabIndex={-1} ref={heading}>
        Logs of {container?.name ?? id} <span class="meta">(live)</span>
      </h2>
      {error && <p class="error">{error}</p>}
      <pre class="log" role="log" tabIndex={0}>
        {lines.join('\n')}
      </pre>
      <button type="button" onClick={onClose}>
        Close logs
      </button>
    </section>
  );
}

function splitLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}
