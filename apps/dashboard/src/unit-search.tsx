import { useState } from 'preact/hooks';
import { Api, query } from './api';
import { UnitVersion } from './answers';
import { formatDate, LEVEL_NAMES } from './labels';
import { Panel } from './panel';
import { href } from './route';
import { useResource } from './use-resource';

/** Finding a unit by name (diacritics optional, as officials type) or by its official code. */
export function UnitSearch({ api }: { api: Api }) {
  const [name, setName] = useState('');
  const [asked, setAsked] = useState('');
  return (
    <main id="main">
      <h1>Chọn đơn vị</h1>
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const text = name.trim();
          if (/^(\d{2}|\d{3}|\d{5})$/.test(text)) location.hash = href('unit', text);
          else setAsked(text);
        }}
      >
        <label for="unit-name">Tên hoặc mã đơn vị</label>
        <input id="unit-name" type="search" value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="ví dụ: hoan kiem, 01, 00070" required minLength={2} />
        <button type="submit">Tìm</button>
      </form>
      {asked && <Results api={api} name={asked} />}
    </main>
  );
}

function Results({ api, name }: { api: Api; name: string }) {
  const path = `/v1/units${query({ name })}`;
  const found = useResource(path, (signal) => api.json<{ items: readonly UnitVersion[] }>(path, signal));
  return (
    <Panel id="units" title="Kết quả" resource={found}>
      {({ items }) =>
        items.length ? (
          <ul class="units" data-list="units">
            {items.map((u) => (
              <li key={`${u.code}${u.validFrom}`}>
                <a href={href('unit', u.code, u.validTo ? { year: u.validTo.slice(0, 4) } : {})}>{u.name}</a>
                <span class="sub">
                  {' '}
                  {LEVEL_NAMES[u.level]} · mã {u.code}
                  {u.validTo ? ` · đến ${formatDate(u.validTo)}` : ''}
                </span>
                {u.successors?.length ? (
                  <span class="sub">
                    {' '}· nay thuộc:{' '}
                    {u.successors.map((s, i) => (
                      <a key={s.code} href={href('unit', s.code)}>
                        {i ? ', ' : ''}
                        {s.name ?? s.code}
                      </a>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Không tìm thấy đơn vị nào có tên này.</p>
        )
      }
    </Panel>
  );
}
