import { ComponentChildren } from 'preact';
import { ApiError } from './api';
import { problemInWords } from './problem-words';
import { Resource } from './use-resource';

/** Why something could not be shown: the refusal in words, then the API's own detail and the fields it names. */
export function ProblemBox({ error }: { error: ApiError }) {
  const { problem } = error;
  return (
    <div class="problem" role="alert">
      <p class="problem-words">{problemInWords(problem)}</p>
      {problem.detail && <p class="problem-detail">{problem.detail}</p>}
      {problem.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.code && <p class="problem-code">Mã lỗi: {problem.code}</p>}
    </div>
  );
}

/** A titled part of a page that shows its loading and error states as it loads. */
export function Panel<T>({ id, title, resource, actions, children }: {
  id: string;
  title: string;
  resource: Resource<T>;
  actions?: ComponentChildren;
  children: (data: T) => ComponentChildren;
}) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`} aria-busy={resource.state === 'loading'} data-panel={id} data-state={resource.state}>
      <div class="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </div>
      {resource.state === 'loading' && <p role="status" class="loading">Đang tải…</p>}
      {resource.state === 'failed' && <ProblemBox error={resource.error} />}
      {resource.state === 'ready' && children(resource.data)}
    </section>
  );
}
