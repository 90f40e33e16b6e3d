import { useState } from 'preact/hooks';
import { Api, ApiError } from './api';
import { ProblemBox } from './panel';

/** Sign-in with a bearer token, checked against the API before it is kept for the browser tab. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const candidate = token.trim();
    setChecking(true);
    setError(null);
    try {
      // Every signed-in reader may read the unit registry: a cheap way to learn the token is accepted.
      await new Api(candidate).json('/v1/units?name=ha%20noi');
      onSignedIn(candidate);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, title: 'Error', detail: String(failure) }));
    } finally {
      setChecking(false);
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1>Đăng nhập</h1>
      <form onSubmit={submit}>
        <label for="token">Mã truy cập (bearer token)</label>
        <textarea id="token" name="token" rows={5} required value={token} onInput={(e) => setToken(e.currentTarget.value)} spellcheck={false} autocomplete="off" />
        <p class="hint">
          Môi trường phát triển: <code>npm run cli -- token --role city-officer --unit 01</code>
        </p>
        <button type="submit" disabled={checking || !token.trim()}>
          {checking ? 'Đang kiểm tra…' : 'Đăng nhập'}
        </button>
      </form>
      {error && <ProblemBox error={error} />}
    </main>
  );
}
