import { useState } from 'preact/hooks';
import { Api, query } from './api';
import { Series, Summary, UnitVersion } from './answers';
import { BreakdownTable } from './breakdown-table';
import { awardName, formatDate, formatNumber, LEVEL_NAMES, meetingKindName } from './labels';
import { Panel } from './panel';
import { PeriodChart } from './period-chart';
import { href } from './route';
import { CommendationList, ListScope, MeetingList, MovementList } from './unit-lists';
import { useResource } from './use-resource';

/** The summaries' path segment of a unit code: 2 digits a city, 3 a district, 5 a ward or commune. */
const SEGMENT: Record<number, 'cities' | 'districts' | 'wards'> = { 2: 'cities', 3: 'districts', 5: 'wards' };
const THIS_YEAR = new Date().getFullYear();
const REFORM = '2025-07-01';

/** What the page shows: a year, or the days between two dates; as the records stand now or at a past moment. */
export interface Period {
  readonly year?: number;
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
}

export function periodOf(params: URLSearchParams): Period {
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const asOf = params.get('asOf') ?? undefined;
  if (from && to) return { from, to, asOf };
  return { year: Number(params.get('year')) || THIS_YEAR, asOf };
}

const asParams = (period: Period) => ({ year: period.year?.toString(), from: period.from, to: period.to, asOf: period.asOf });

/** A unit: its figures for the period, broken down by the units below it, month by month, and its records. */
export function UnitPage({ api, code, period }: { api: Api; code: string; period: Period }) {
  const segment = SEGMENT[code.length];
  const scope: ListScope = { unitCode: code, ...period };
  return (
    <main id="main">
      <PeriodForm code={code} period={period} />
      {segment ? (
        <>
          {period.year !== undefined ? (
            <SummaryPanel api={api} code={code} segment={segment} year={period.year} asOf={period.asOf} />
          ) : (
            <p class="note">Số liệu tổng hợp và bảng theo đơn vị tính theo năm; chọn một năm để xem. Biểu đồ và danh sách dưới đây theo khoảng ngày đã chọn.</p>
          )}
          <SeriesPanel api={api} code={code} segment={segment} period={period} />
          {segment === 'wards' && <SuccessorLink api={api} code={code} year={period.year} />}
          <MovementList api={api} scope={scope} />
          <MeetingList api={api} scope={scope} />
          <CommendationList api={api} scope={scope} />
        </>
      ) : (
        <p role="alert">Mã đơn vị {code} không đúng: mã tỉnh có 2 chữ số, mã quận huyện 3, mã phường xã 5.</p>
      )}
    </main>
  );
}

/** Year or date range, and the moment to see the records as they stood (time travel). */
function PeriodForm({ code, period }: { code: string; period: Period }) {
  const [mode, setMode] = useState<'year' | 'range'>(period.from ? 'range' : 'year');
  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const asOfLocal = String(form.get('asOf') ?? '');
    const asOf = asOfLocal ? new Date(asOfLocal).toISOString() : undefined;
    const chosen = mode === 'year' ? { year: String(form.get('year')) } : { from: String(form.get('from')), to: String(form.get('to')) };
    location.hash = href('unit', code, { ...chosen, asOf });
  }
  const years = Array.from({ length: THIS_YEAR - 2018 }, (_, i) => THIS_YEAR - i);
  return (
    <form class="period" onSubmit={submit} aria-label="Chọn thời gian">
      <fieldset>
        <legend>Thời gian</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'year'} onChange={() => setMode('year')} /> Theo năm
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'range'} onChange={() => setMode('range')} /> Theo khoảng ngày
        </label>
        {mode === 'year' ? (
          <>
            <label for="period-year">Năm</label>
            <select id="period-year" name="year" value={String(period.year ?? THIS_YEAR)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label>
              Từ ngày <input type="date" name="from" required value={period.from} />
            </label>
            <label>
              Đến ngày <input type="date" name="to" required value={period.to} />
            </label>
          </>
        )}
        <label>
          Xem như tại thời điểm <input type="datetime-local" name="asOf" value={period.asOf ? toLocalInput(period.asOf) : ''} />
        </label>
        <button type="submit">Xem</button>
      </fieldset>
      {period.asOf && (
        <p class="note" role="status">
          Đang xem số liệu như tại {new Date(period.asOf).toLocaleString('vi-VN')} (các ghi nhận sau thời điểm này không được tính).{' '}
          <a href={href('unit', code, { ...asParams(period), asOf: undefined })}>Xem số liệu hiện tại</a>
        </p>
      )}
    </form>
  );
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function SummaryPanel({ api, code, segment, year, asOf }: { api: Api; code: string; segment: string; year: number; asOf?: string }) {
  const path = `/v1/summaries/${segment}/${code}${query({ year, asOf, breakdown: segment === 'wards' ? undefined : 'children' })}`;
  const summary = useResource(path, (signal) => api.json<Summary>(path, signal));
  const csv = segment === 'wards' ? null : (
    <button type="button" class="secondary" onClick={() => void api.downloadCsv(path).catch((error) => alert(String(error)))}>
      Tải CSV: bảng theo đơn vị
    </button>
  );
  return (
    <Panel id="summary" title={`Tổng hợp năm ${year}`} resource={summary} actions={csv}>
      {(s) => (
        <>
          <UnitHeading api={api} summary={s} />
          <dl class="cards" data-cards="summary">
            <div>
              <dt>Hội nghị</dt>
              <dd data-figure="meetings">{formatNumber(s.meetings.total)}</dd>
            </div>
            <div>
              <dt>Khen thưởng cho thành tích năm {year}</dt>
              <dd data-figure="grants">{formatNumber(s.commendations.grants)}</dd>
            </div>
            <div>
              <dt>Tập thể được khen</dt>
              <dd data-figure="collectives">{formatNumber(s.commendations.recipients.collectives)}</dd>
            </div>
            <div>
              <dt>Cá nhân được khen</dt>
              <dd data-figure="individuals">{formatNumber(s.commendations.recipients.individuals)}</dd>
            </div>
            <div>
              <dt>Phong trào diễn ra trong năm</dt>
              <dd data-figure="movements">{formatNumber(s.movements.active)}</dd>
            </div>
          </dl>
          {s.commendations.recipientsNotExact.collectives + s.commendations.recipientsNotExact.individuals > 0 && (
            <p class="note">Một phần số người, tập thể được khen là số ước lượng (“khoảng”, “hơn”) theo nguồn.</p>
          )}
          {s.mapChangedDuringYear && <MapChanges summary={s} />}
          {s.children && (s.children.length ? <BreakdownTable rows={s.children} year={year} asOf={asOf} /> : <p>Không có đơn vị trực thuộc trong năm.</p>)}
        </>
      )}
    </Panel>
  );
}

/** The unit's name, level and place in the hierarchy, each level above a link (drill back up). */
function UnitHeading({ api, summary }: { api: Api; summary: Summary }) {
  const own = summary.units?.filter((u) => u.code === summary.unitCode) ?? summary.versions ?? [];
  const day = own.length ? own[own.length - 1].to : `${summary.year}-12-31`;
  const key = `${summary.unitCode}@${day}`;
  const chain = useResource(key, async (signal) => {
    const above: UnitVersion[] = [];
    let unit = await api.json<UnitVersion>(`/v1/units/${summary.unitCode}?asOf=${day}`, signal);
    while (unit.parentCode) {
      unit = await api.json<UnitVersion>(`/v1/units/${unit.parentCode}?asOf=${day}`, signal);
      above.unshift(unit);
    }
    return above;
  });
  return (
    <>
      {chain.state === 'ready' && chain.data.length > 0 && (
        <nav aria-label="Đơn vị cấp trên" class="crumbs">
          {chain.data.map((u) => (
            <a key={u.code} href={href('unit', u.code, { year: String(summary.year) })}>
              {u.name}
            </a>
          ))}
        </nav>
      )}
      <p class="unit-name" data-unit={summary.unitCode}>
        {summary.name} <span class="sub">· mã {summary.unitCode}</span>
      </p>
    </>
  );
}

function MapChanges({ summary }: { summary: Summary }) {
  const parts = summary.units ?? summary.versions?.map((v) => ({ ...v, code: summary.unitCode, level: 'COMMUNE' })) ?? [];
  return (
    <details class="note">
      <summary>Địa giới thay đổi trong năm: số liệu của mỗi đơn vị chỉ tính trong thời gian đơn vị thuộc về đây</summary>
      <ul>
        {parts
          .filter((u) => !(u.from.endsWith('-01-01') && u.to.endsWith('-12-31')))
          .map((u) => (
            <li key={`${u.code}${u.from}`}>
              {u.name} ({LEVEL_NAMES[u.level] ?? u.level}, {u.code}): {formatDate(u.from)}–{formatDate(u.to)}
            </li>
          ))}
      </ul>
    </details>
  );
}

function SeriesPanel({ api, code, segment, period }: { api: Api; code: string; segment: string; period: Period }) {
  const path = `/v1/summaries/${segment}/${code}/series${query({ ...asParams(period), interval: 'month' })}`;
  const series = useResource(path, (signal) => api.json<Series>(path, signal));
  return (
    <Panel id="series" title="Theo tháng" resource={series}>
      {(s) => {
        const periods = s.periods.map((p) => `${p.period.slice(5)}/${p.period.slice(0, 4)}`);
        const kinds = [...new Set(s.periods.flatMap((p) => p.meetings.byKind.map((k) => k.kind)))];
        const awards = [...new Set(s.periods.flatMap((p) => p.commendations.byAward.map((a) => a.award)))];
        return (
          <div class="charts">
            <PeriodChart
              id="meetings-by-month"
              title="Hội nghị theo tháng, theo loại"
              periods={periods}
              series={kinds.map((kind) => ({ name: meetingKindName(kind), values: s.periods.map((p) => p.meetings.byKind.find((k) => k.kind === kind)?.meetings ?? 0) }))}
            />
            <PeriodChart
              id="commendations-by-month"
              title="Khen thưởng theo tháng quyết định, theo hình thức"
              periods={periods}
              series={awards.map((award) => ({ name: awardName(award), values: s.periods.map((p) => p.commendations.byAward.find((a) => a.award === award)?.grants ?? 0) }))}
            />
          </div>
        );
      }}
    </Panel>
  );
}

/** A ward created by the 2025 reform points to its predecessors' figures for earlier years. */
function SuccessorLink({ api, code, year }: { api: Api; code: string; year?: number }) {
  const unit = useResource(`unit:${code}`, (signal) => api.json<UnitVersion>(`/v1/units/${code}`, signal));
  if (unit.state !== 'ready' || !unit.data.validFrom || unit.data.validFrom < REFORM) return null;
  const earlier = year && year < 2025 ? year : 2024;
  return (
    <p class="note" data-successor-link>
      {unit.data.name} được thành lập từ {formatDate(unit.data.validFrom)} khi sắp xếp đơn vị hành chính.{' '}
      <a href={href('unit', `${code}/successors`, { year: String(earlier) })}>Xem số liệu năm {earlier} của các đơn vị tiền thân</a>
    </p>
  );
}
