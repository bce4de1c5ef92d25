import { useState } from 'preact/hooks';

/** The token form: a pasted bearer token (the development token `npm start` prints, or one from `npm run token`). */
export function Login({ onSubmit, refused }: { onSubmit: (token: string) => void; refused?: string }) {
  const [value, setValue] = useState('');
  return (
    <main class="login">
      <h1>Fleet control</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim()) onSubmit(value.trim());
        }}
      >
        <label for="token">Bearer token</label>
        <input id="token" name="token" type="password" autocomplete="off" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <p class="hint">
          With no <code>JWT_SECRET</code>, <code>npm start</code> prints a development token and a link to this page that
          carries it. The token stays in this tab (sessionStorage).
        </p>
        {refused && (
          <p class="error" role="alert">
            Token refused: {refused}
          </p>
        )}
        <button type="submit">Open the fleet</button>
      </form>
    </main>
  );
}
