export interface Notice {
  id: number;
  kind: 'ok' | 'error';
  text: string;
}

/** What the last actions and feeds said, read out politely by screen readers. */
export function Notices({ notices }: { notices: Notice[] }) {
  return (
    <ul class="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <li key={n.id} class={n.kind}>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
