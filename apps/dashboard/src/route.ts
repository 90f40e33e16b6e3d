import { useEffect, useState } from 'preact/hooks';

/** Where the page is: the view and its parameters, kept in the address's hash so a view can be bookmarked. */
export interface Route {
  readonly view: 'home' | 'unit' | 'successors' | 'meeting' | 'commendation' | 'movement';
  readonly id: string;
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id = '', sub] = path.split('/');
  const params = new URLSearchParams(search);
  if (view === 'unit' && sub === 'successors') return { view: 'successors', id, params };
  if (view === 'unit' || view === 'meeting' || view === 'commendation' || view === 'movement') return { view, id, params };
  return { view: 'home', id: '', params };
}

/** The address of a view. */
export function href(view: string, id: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString();
  return `#/${view}/${id}${search ? `?${search}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}
