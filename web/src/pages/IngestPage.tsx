import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { href } from '../router.ts';

type Mode = 'paste' | 'url' | 'file';
const TOKEN_KEY = 'crosscheck.token';

interface Result {
  id: string;
  story: string;
  duplicate: boolean;
  title: string | null;
  outlet: string | null;
}

export function IngestPage() {
  const [mode, setMode] = useState<Mode>('paste');
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<'text' | 'html'>('text');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [outlet, setOutlet] = useState('');
  const [published, setPublished] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (!token.trim()) return setError('A write token is needed: create one with `crosscheck token create` and paste it above.');
    sessionStorage.setItem(TOKEN_KEY, token.trim());
    let body: FormData | Record<string, string>;
    const extra: Record<string, string> = {};
    if (outlet.trim()) extra.outlet = outlet.trim();
    if (published) extra.published = published;
    if (mode === 'file') {
      if (!file) return setError('Choose a file (.html, .htm or .txt).');
      const form = new FormData();
      form.set('file', file);
      for (const [key, value] of Object.entries(extra)) form.set(key, value);
      body = form;
    } else if (mode === 'url') {
      if (!url.trim()) return setError('Give the address of the page.');
      body = { url: url.trim(), ...extra };
    } else {
      if (!content.trim()) return setError('Paste the page first.');
      body = { [format]: content, ...extra, ...(url.trim() ? { url: url.trim() } : {}) };
    }
    setBusy(true);
    try {
      setResult(await api.ingest(token.trim(), body));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The request failed.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="ingest">
      <h1>Add a page</h1>
      <p class="muted">The page is extracted, annotated, placed in a story and cross-checked; open story pages update by themselves.</p>
      <form onSubmit={submit} aria-describedby="ingest-status">
        <div class="field">
          <label for="token">Write token</label>
          <input id="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} placeholder="cct_…" />
        </div>
        <fieldset class="tabs">
          <legend>Source</legend>
          {(['paste', 'url', 'file'] as Mode[]).map((value) => (
            <label key={value} class="tab-radio">
              <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
              {value === 'paste' ? 'Paste' : value === 'url' ? 'Fetch a URL' : 'Upload a file'}
            </label>
          ))}
        </fieldset>
        {mode === 'paste' && (
          <>
            <div class="field">
              <label for="content">Page {format === 'html' ? 'HTML' : 'text'}</label>
              <textarea id="content" rows={12} value={content} onInput={(e) => setContent(e.currentTarget.value)} placeholder="The whole page as copied: headline, byline, article…" />
            </div>
            <div class="field inline">
              <label>
                <input type="checkbox" checked={format === 'html'} onChange={(e) => setFormat(e.currentTarget.checked ? 'html' : 'text')} /> This is HTML
              </label>
            </div>
          </>
        )}
        {(mode === 'url' || mode === 'paste') && (
          <div class="field">
            <label for="url">{mode === 'url' ? 'Page address' : 'Where it came from (optional)'}</label>
            <input id="url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://…" />
          </div>
        )}
        {mode === 'file' && (
          <div class="field">
            <label for="file">File</label>
            <input id="file" type="file" accept=".html,.htm,.txt,text/html,text/plain" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          </div>
        )}
        <div class="field">
          <label for="outlet">Outlet (optional)</label>
          <input id="outlet" value={outlet} onInput={(e) => setOutlet(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="published">Published (optional)</label>
          <input id="published" type="date" value={published} onInput={(e) => setPublished(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add the page'}
        </button>
      </form>
      <div id="ingest-status" role="status" aria-live="polite">
        {error && <p class="error">{error}</p>}
        {result && (
          <p class="success">
            {result.duplicate ? 'Already stored: ' : 'Added: '}
            <strong>{result.title ?? '(untitled)'}</strong>
            {result.outlet ? ` (${result.outlet})` : ''}. <a href={href.story(result.story)}>Open its story</a> ·{' '}
            <a href={href.article(result.id)}>read the article</a>
          </p>
        )}
      </div>
    </section>
  );
}
