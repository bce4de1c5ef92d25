import { useEffect, useReducer, useState } from 'preact/hooks';
import { Session, type LinkStatus } from './client';
import { startFeeds } from './feeds';
import { applyChange, emptyFleet } from './store';
import { Login } from './panels/login';
import { HostsPanel } from './panels/hosts';
import { SwarmPanel } from './panels/swarm';
import { DeploymentsPanel } from './panels/deployments';
import { InstancesPanel } from './panels/instances';
import { LogsPanel } from './panels/logs';
import { Notices, type Notice } from './panels/notices';
import { initialToken, TOKEN_KEY } from './token';

export function App() {
  const [token, setToken] = useState<string | null>(initialToken);
  const [refused, setRefused] = useState<string | undefined>();

  const signIn = (value: string) => {
    sessionStorage.setItem(TOKEN_KEY, value);
    setRefused(undefined);
    setToken(value);
  };
  const signOut = (reason?: string) => {
    sessionStorage.removeItem(TOKEN_KEY);
    setRefused(reason);
    setToken(null);
  };

  if (!token) return <Login onSubmit={signIn} refused={refused} />;
  return <Dashboard key={token} token={token} onSignOut={signOut} />;
}

function Dashboard({ token, onSignOut }: { token: string; onSignOut: (reason?: string) => void }) {
  const [fleet, apply] = useReducer(applyChange, emptyFleet);
  const [link, setLink] = useState<LinkStatus>('connecting');
  const [session, setSession] = useState<Session | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [logsOf, setLogsOf] = useState<string | null>(null);

  const notify = (notice: Omit<Notice, 'id'>) => setNotices((all) => [...all.slice(-4), { ...notice, id: Date.now() + Math.random() }]);

  useEffect(() => {
    let stopFeeds = () => {};
    const fail = (error: Error) => notify({ kind: 'error', text: error.message });
    const started = new Session(token, {
      status: (status, refusedBecause) => {
        setLink(status);
        if (refusedBecause) onSignOut(refusedBecause);
      },
      reconnected: () => {
        stopFeeds();
        stopFeeds = startFeeds(started, apply, fail);
      },
    });
    stopFeeds = startFeeds(started, apply, fail);
    setSession(started);
    return () => {
      stopFeeds();
      started.close();
    };
  }, [token]);

  /** Runs one action, saying what happened; the rows themselves change through the live feeds. */
  const act = async (label: string, run: () => Promise<unknown>) => {
    try {
      await run();
      notify({ kind: 'ok', text: `${label}: done` });
    } catch (error) {
      notify({ kind: 'error', text: `${label}: ${(error as Error).message}` });
    }
  };

  return (
    <>
      <header class="bar">
        <h1>Fleet control</h1>
        <span class={`link link-${link}`} role="status" data-testid="link">
          {link === 'live' ? 'Live' : link === 'connecting' ? 'Connecting…' : 'Disconnected'}
        </span>
        <a href="/graphql">GraphQL</a>
        <button type="button" onClick={() => onSignOut()}>
          Sign out
        </button>
      </header>
      <Notices notices={notices} />
      {session && (
        <main class="panels">
          <HostsPanel fleet={fleet} session={session} act={act} showLogs={setLogsOf} />
          {logsOf && <LogsPanel key={logsOf} session={session} container={fleet.containers.get(logsOf)} id={logsOf} onClose={() => setLogsOf(null)} />}
          <SwarmPanel fleet={fleet} session={session} act={act} />
          <DeploymentsPanel fleet={fleet} session={session} act={act} />
          <InstancesPanel fleet={fleet} />
        </main>
      )}
    </>
  );
}

export type Act = (label: string, run: () => Promise<unknown>) => Promise<void>;
