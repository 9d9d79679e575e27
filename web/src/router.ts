/**
 * A small client-side router over the History API: a handful of routes do not need a routing library.
 * Links are ordinary <a href> elements (so they open in new tabs and work with the keyboard); same-origin
 * clicks are intercepted and turned into pushState navigation.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'stories'; params: URLSearchParams }
  | { page: 'story'; id: string }
  | { page: 'article'; id: string; highlight: { start: number; end: number } | null }
  | { page: 'entity'; name: string }
  | { page: 'ingest' }
  | { page: 'not-found' };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  const params = new URLSearchParams(search);
  if (parts.length === 0) return { page: 'stories', params };
  if (parts[0] === 'stories' && parts.length === 2) return { page: 'story', id: parts[1] };
  if (parts[0] === 'articles' && parts.length === 2) {
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const highlight = params.has('start') && Number.isInteger(start) && Number.isInteger(end) && end > start ? { start, end } : null;
    return { page: 'article', id: parts[1], highlight };
  }
  if (parts[0] === 'entities' && parts.length === 2) return { page: 'entity', name: parts[1] };
  if (parts[0] === 'ingest' && parts.length === 1) return { page: 'ingest' };
  return { page: 'not-found' };
}

export const href = {
  stories: (params?: Record<string, string>) => `/${params && Object.keys(params).length > 0 ? `?${new URLSearchParams(params)}` : ''}`,
  story: (id: string) => `/stories/${encodeURIComponent(id)}`,
  article: (id: string, span?: { start: number; end: number }) =>
    `/articles/${encodeURIComponent(id)}${span ? `?start=${span.start}&end=${span.end}` : ''}`,
  entity: (name: string) => `/entities/${encodeURIComponent(name)}`,
  ingest: () => '/ingest',
};

export function navigate(url: string): void {
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => {
      setRoute(parseRoute(location.pathname, location.search));
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, location.href);
      if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
      event.preventDefault();
      if (url.pathname + url.search !== location.pathname + location.search) navigate(url.pathname + url.search + url.hash);
    };
    window.addEventListener('popstate', update);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', update);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return route;
}

/** Loads data for a key; re-runs when the key changes. */
export function useLoad<T>(key: string, load: () => Promise<T>): { data: T | null; error: Error | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ key: string; data: T | null; error: Error | null }>({ key: '', data: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ key, data, error: null }),
      (error: Error) => live && setState({ key, data: null, error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const current = state.key === key;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: !current,
    reload: () => setGeneration((n) => n + 1),
  };
}
