/** RFC 9457 Problem Details, as every error of the API is answered. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  /** Seconds to wait before asking again (429, 503), from Retry-After. */
  readonly retryAfter?: number;
}

/** An answer that was not 2xx, or no answer at all. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** The API the page reads: the same origin it was served from, with the signed-in bearer token. */
export class Api {
  constructor(private readonly token: string) {}

  async json<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await this.send(path, 'application/json', signal);
    return (await response.json()) as T;
  }

  /** A list or a breakdown as CSV (Accept: text/csv), saved by the browser under the server's file name. */
  async downloadCsv(path: string): Promise<void> {
    const response = await this.send(path, 'text/csv');
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'civic-records.csv';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  private async send(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(path, { headers: { authorization: `Bearer ${this.token}`, accept }, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ status: 0, title: 'Network error', detail: String(error) });
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  try {
    return { ...((await response.json()) as Problem), status: response.status, retryAfter };
  } catch {
    return { status: response.status, title: response.statusText, retryAfter };
  }
}

/** A query string of the values that are set. */
export function query(values: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '') as [string, string | number | boolean][];
  return entries.length ? `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}` : '';
}
