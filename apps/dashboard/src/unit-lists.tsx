import { Api, query } from './api';
import { CommendationItem, MeetingItem, MovementItem, Page } from './answers';
import { awardName, bodyName, formatDate, formatNumber, meetingKindName, qualifierName, STATUS_NAMES } from './labels';
import { Panel } from './panel';
import { href } from './route';
import { useResource } from './use-resource';
import { UnitName } from './unit-name';

/** Which records a unit page lists: the unit and all below it, in a year or between two days. */
export interface ListScope {
  readonly unitCode: string;
  readonly year?: number;
  readonly from?: string;
  readonly to?: string;
}

const LIMIT = 50;
const listQuery = (scope: ListScope, extra: Record<string, string> = {}) =>
  query({ unitCode: scope.unitCode, includeDescendants: true, year: scope.year, from: scope.from, to: scope.to, limit: LIMIT, ...extra });

function CsvButton({ api, path, label }: { api: Api; path: string; label: string }) {
  return (
    <button type="button" class="secondary" onClick={() => void api.downloadCsv(path).catch((error) => alert(String(error)))}>
      Tải CSV: {label}
    </button>
  );
}

const more = (page: Page<unknown>) => (page.nextCursor ? <p class="hint">Hiển thị {LIMIT} bản ghi mới nhất; tải CSV để có từng trang đầy đủ.</p> : null);

export function MeetingList({ api, scope }: { api: Api; scope: ListScope }) {
  const path = `/v1/meetings${listQuery(scope)}`;
  const meetings = useResource(path, (signal) => api.json<Page<MeetingItem>>(path, signal));
  return (
    <Panel id="meetings" title="Hội nghị" resource={meetings} actions={<CsvButton api={api} path={path} label="hội nghị" />}>
      {(page) =>
        page.items.length ? (
          <>
            <table data-table="meetings">
              <thead>
                <tr>
                  <th scope="col">Ngày</th>
                  <th scope="col">Tên hội nghị</th>
                  <th scope="col">Loại</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Đại biểu</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((m) => (
                  <tr key={m.meetingId}>
                    <td>{formatDate(m.heldOn)}</td>
                    <td>
                      <a href={href('meeting', m.meetingId)}>{m.title}</a>
                    </td>
                    <td>{meetingKindName(m.kind)}</td>
                    <td>
                      <UnitName api={api} code={m.unitCode} on={m.heldOn} />
                    </td>
                    <td>{m.attendeeCount ? `${m.attendeeCount.qualifier !== 'EXACT' ? `${qualifierName(m.attendeeCount.qualifier)} ` : ''}${formatNumber(m.attendeeCount.value)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {more(page)}
          </>
        ) : (
          <p>Không có hội nghị nào trong thời gian này.</p>
        )
      }
    </Panel>
  );
}

export function CommendationList({ api, scope }: { api: Api; scope: ListScope }) {
  const path = `/v1/commendations${listQuery(scope)}`;
  const grants = useResource(path, (signal) => api.json<Page<CommendationItem>>(path, signal));
  return (
    <Panel id="commendations" title={scope.year ? `Khen thưởng cho thành tích năm ${scope.year}` : 'Khen thưởng quyết định trong kỳ'} resource={grants} actions={<CsvButton api={api} path={path} label="khen thưởng" />}>
      {(page) =>
        page.items.length ? (
          <>
            <table data-table="commendations">
              <thead>
                <tr>
                  <th scope="col">Ngày</th>
                  <th scope="col">Hình thức</th>
                  <th scope="col">Cơ quan tặng</th>
                  <th scope="col">Thành tích năm</th>
                  <th scope="col">Tập thể</th>
                  <th scope="col">Cá nhân</th>
                  <th scope="col">Hộ</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.commendationId}>
                    <td>{formatDate(c.grantedOn)}</td>
                    <td>
                      <a href={href('commendation', c.commendationId)}>{awardName(c.award)}</a>
                      {c.revokedOn ? <span class="badge"> {STATUS_NAMES.REVOKED}</span> : null}
                    </td>
                    <td>{[c.issuer, ...c.jointIssuers].map((b) => `${bodyName(b.body)} (${b.unitCode})`).join(', ')}</td>
                    <td>{c.forYear}</td>
                    <td>{formatNumber(c.recipients.collectives)}</td>
                    <td>{formatNumber(c.recipients.individuals)}</td>
                    <td>{formatNumber(c.recipients.households)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {more(page)}
          </>
        ) : (
          <p>Không có khen thưởng nào trong thời gian này.</p>
        )
      }
    </Panel>
  );
}

export function MovementList({ api, scope }: { api: Api; scope: ListScope }) {
  // Those that ran during the year (as the summary counts them active), whether or not concluded since.
  const path = `/v1/emulation-movements${listQuery(scope)}`;
  const movements = useResource(path, (signal) => api.json<Page<MovementItem>>(path, signal));
  return (
    <Panel id="movements" title="Phong trào thi đua trong kỳ" resource={movements} actions={<CsvButton api={api} path={path} label="phong trào" />}>
      {(page) =>
        page.items.length ? (
          <ul class="movements" data-list="movements">
            {page.items.map((m) => (
              <li key={m.movementId}>
                <a href={href('movement', m.movementId)}>{m.name}</a>
                <span class="sub">
                  {' '}
                  {bodyName(m.launchedBy.body)} ({m.launchedBy.unitCode}) phát động ngày {formatDate(m.launchedOn)} · {STATUS_NAMES[m.status] ?? m.status}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Không có phong trào nào trong thời gian này.</p>
        )
      }
    </Panel>
  );
}
