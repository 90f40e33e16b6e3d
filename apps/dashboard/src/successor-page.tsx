import { Api, query } from './api';
import { SuccessorView } from './answers';
import { formatDate, formatNumber } from './labels';
import { Panel } from './panel';
import { href } from './route';
import { useResource } from './use-resource';

/** A ward created by the 2025 reform, over an earlier year: the figures of every unit whose territory it holds. */
export function SuccessorPage({ api, code, year, asOf }: { api: Api; code: string; year: number; asOf?: string }) {
  const path = `/v1/summaries/wards/${code}/successor-view${query({ year, asOf })}`;
  const view = useResource(path, (signal) => api.json<SuccessorView>(path, signal));
  return (
    <main id="main">
      <Panel id="successors" title={`Số liệu năm ${year} của các đơn vị tiền thân`} resource={view}>
        {(v) => (
          <>
            <p class="unit-name">
              <a href={href('unit', code)}>{v.name}</a> <span class="sub">· mã {code}</span>
            </p>
            {v.includesPartialPredecessors && <p class="note">Một số đơn vị tiền thân chỉ có một phần địa bàn thuộc về đơn vị này; số liệu của chúng được tính toàn bộ và được đánh dấu.</p>}
            <table data-table="predecessors">
              <caption>Đơn vị tiền thân và số liệu của từng đơn vị trong năm {year}</caption>
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Thời gian</th>
                  <th scope="col">Phần địa bàn</th>
                  <th scope="col">Hội nghị</th>
                  <th scope="col">Khen thưởng</th>
                  <th scope="col">Phong trào</th>
                </tr>
              </thead>
              <tbody>
                {v.predecessors.map((p) => (
                  <tr key={`${p.code}${p.from}`}>
                    <th scope="row">
                      <a href={href('unit', p.code, { year: String(year) })}>{p.name}</a> <span class="sub">{p.code}</span>
                    </th>
                    <td>{formatDate(p.from)}–{formatDate(p.to)}</td>
                    <td>{p.coverage === 'PARTIAL' ? 'Một phần' : 'Toàn bộ'}</td>
                    <td>{formatNumber(p.meetings.total)}</td>
                    <td>{formatNumber(p.commendations.grants)}</td>
                    <td>{formatNumber(p.movements.active)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Panel>
    </main>
  );
}
