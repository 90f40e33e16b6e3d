import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

/** What a panel shows while its data is asked for, once it came, or why it did not. */
export type Resource<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly data: T } | { readonly state: 'failed'; readonly error: ApiError };

/** Loads `load` whenever `key` changes; an answer to an earlier key is dropped. */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => controller.signal.aborted || setResource({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ state: 'failed', error: error instanceof ApiError ? error : new ApiError({ status: 0, title: 'Error', detail: String(error) }) });
      },
    );
    return () => controller.abort();
  }, [key]);
  return resource;
}
