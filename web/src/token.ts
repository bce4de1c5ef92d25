/** Where a signed-in tab keeps its bearer token: the fleet page and the GraphQL explorer share it (same origin, same tab). */
export const TOKEN_KEY = 'fleet-token';

/**
 * A token handed over in the address (`#token=…`, as `npm start` prints it): the fragment never reaches a server or
 * its logs; it is wiped from the address bar at once. A mangled one (bad percent-encoding) counts as none.
 */
function tokenFromAddress(): string | null {
  const match = /^#token=(.+)$/.exec(location.hash);
  if (!match) return null;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The tab's token at load: the one it keeps, else one handed in the address — kept only by a tab not signed in yet (a link must not swap a signed-in tab over to another account). */
export function initialToken(): string | null {
  const handed = tokenFromAddress();
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (handed && !stored) sessionStorage.setItem(TOKEN_KEY, handed);
  return stored ?? handed;
}
