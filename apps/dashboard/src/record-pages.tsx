import { ComponentChildren } from 'preact';
import { Api } from './api';
import type { CommendationGrantedData, EmulationMovementLaunchedData, MeetingHeldData, MeetingPerson, Recipients } from '@civic/domain';
import { BodyAtUnit } from './answers';
import { awardName, bodyName, formatDate, formatNumber, meetingKindName, movementFormName, movementKindName, movementScopeName, qualifierName, reviewKindName, STATUS_NAMES } from './labels';
import { Panel } from './panel';
import { href } from './route';
import { useResource } from './use-resource';
import { UnitName } from './unit-name';

/** GET /v1/meetings/{id}: the meeting as last recorded (the domain's record, as the API sends it). */
interface MeetingRecord {
  readonly meeting: MeetingHeldData;
  readonly corrections: number;
  readonly version: number;
}

/** GET /v1/commendations/{id}. */
interface CommendationRecord {
  readonly commendation: CommendationGrantedData;
  readonly status: string;
  readonly revocation: { readonly revokedOn: string; readonly reason: string } | null;
  readonly withdrawal: { readonly withdrawnOn: string; readonly reason: string } | null;
  readonly version: number;
}

/** GET /v1/emulation-movements/{id}. */
interface MovementRecord {
  readonly movement: EmulationMovementLaunchedData;
  readonly status: string;
  readonly concludedOn: string | null;
  readonly reviews: readonly { readonly reviewKind: string; readonly reviewedOn: string; readonly findings: string | null; readonly meetingId: string | null }[];
  readonly version: number;
}

type Person = MeetingPerson;

const body = (api: Api, b: BodyAtUnit, on: string) => (
  <>
    {bodyName(b.body)} <UnitName api={api} code={b.unitCode} on={on} />
  </>
);
const people = (list: readonly Person[]) => (list.length ? list.map((p) => `${p.fullName} — ${p.role}`).join('; ') : null);

/** A definition list of the fields that have a value. */
function Fields({ rows }: { rows: readonly [string, ComponentChildren][] }) {
  return (
    <dl class="fields" data-fields>
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length))
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function MeetingPage({ api, id }: { api: Api; id: string }) {
  const record = useResource(`meeting:${id}`, (signal) => api.json<MeetingRecord>(`/v1/meetings/${id}`, signal));
  return (
    <main id="main">
      <Panel id="record" title="Hội nghị" resource={record}>
        {({ meeting: m, corrections, version }) => (
          <>
            <p class="unit-name" data-record-title>{m.title}</p>
            <Fields
              rows={[
                ['Loại', meetingKindName(m.kind)],
                ['Ngày', formatDate(m.heldOn)],
                ['Đơn vị', <UnitName api={api} code={m.unitCode} on={m.heldOn} />],
                ['Địa điểm', m.venue],
                ['Cơ quan tổ chức', m.convenedBy.map((b, i) => <span key={i}>{i ? ', ' : ''}{body(api, b, m.heldOn)}</span>)],
                ['Chủ trì', people(m.chairs)],
                ['Khách mời', people(m.guests)],
                ['Số đại biểu', m.attendeeCount && `${m.attendeeCount.qualifier !== 'EXACT' ? `${qualifierName(m.attendeeCount.qualifier)} ` : ''}${formatNumber(m.attendeeCount.value)}`],
                ['Tổng kết năm', m.reviewYear],
                ['Nhiệm vụ năm', m.planYear],
                ['Chủ đề năm', m.theme],
                ['Báo cáo, tham luận', m.reports.length ? <ul>{m.reports.map((r, i) => <li key={i}>{r.title}{r.presenter ? ` — ${r.presenter.fullName}, ${r.presenter.role}` : ''}</li>)}</ul> : null],
                ['Chỉ tiêu', m.indicators.length ? <ul>{m.indicators.map((x, i) => <li key={i}>{x.label}: {formatNumber(x.numerator)}{x.denominator !== null ? `/${formatNumber(x.denominator)}` : ''}{x.unit ? ` ${x.unit}` : ''}</li>)}</ul> : null],
                ['Nguồn', m.source?.url ? <a href={m.source.url} rel="noreferrer noopener">{m.source.url}</a> : null],
                ['Số lần đính chính', corrections ? String(corrections) : null],
                ['Phiên bản', String(version)],
              ]}
            />
          </>
        )}
      </Panel>
    </main>
  );
}

const recipientText = (recipients: Recipients) =>
  Object.entries(recipients)
    .map(([kind, g]: [string, { count?: number; qualifier?: string; names?: readonly string[] }]) => `${{ collectives: 'Tập thể', individuals: 'Cá nhân', households: 'Hộ gia đình' }[kind] ?? kind}: ${g.names ? g.names.join(', ') : `${g.qualifier && g.qualifier !== 'EXACT' ? `${qualifierName(g.qualifier)} ` : ''}${formatNumber(g.count ?? 0)}`}`)
    .join('; ');

export function CommendationPage({ api, id }: { api: Api; id: string }) {
  const record = useResource(`commendation:${id}`, (signal) => api.json<CommendationRecord>(`/v1/commendations/${id}`, signal));
  return (
    <main id="main">
      <Panel id="record" title="Khen thưởng" resource={record}>
        {({ commendation: c, status, revocation, withdrawal, version }) => (
          <>
            <p class="unit-name" data-record-title>{awardName(c.award.form ?? c.award.title)}</p>
            <Fields
              rows={[
                ['Tình trạng', STATUS_NAMES[status] ?? status],
                ['Cơ quan tặng', [c.issuer, ...c.jointIssuers].map((b, i) => <span key={i}>{i ? ', ' : ''}{body(api, b, c.grantedOn)}</span>)],
                ['Cơ quan đề nghị', c.proposer && body(api, c.proposer, c.grantedOn)],
                ['Ngày quyết định', `${c.grantedOnPrecision === 'ON_OR_BEFORE' ? 'Không muộn hơn ' : c.grantedOnPrecision === 'MONTH' ? 'Tháng ' : ''}${c.grantedOnPrecision === 'MONTH' ? c.grantedOn.slice(5, 7) + '/' + c.grantedOn.slice(0, 4) : formatDate(c.grantedOn)}`],
                ['Số quyết định', c.decisionNumber],
                ['Thành tích năm', String(c.forYear)],
                ['Người, tập thể được khen', recipientText(c.recipients)],
                ['Lý do', c.reason],
                ['Truy tặng', c.posthumous ? 'Có' : null],
                ['Tại hội nghị', c.meetingId && <a href={href('meeting', c.meetingId)}>Xem hội nghị</a>],
                ['Thu hồi', revocation && `${formatDate(revocation.revokedOn)}: ${revocation.reason}`],
                ['Rút bản ghi', withdrawal && `${formatDate(withdrawal.withdrawnOn)}: ${withdrawal.reason}`],
                ['Phiên bản', String(version)],
              ]}
            />
          </>
        )}
      </Panel>
    </main>
  );
}

export function MovementPage({ api, id }: { api: Api; id: string }) {
  const record = useResource(`movement:${id}`, (signal) => api.json<MovementRecord>(`/v1/emulation-movements/${id}`, signal));
  return (
    <main id="main">
      <Panel id="record" title="Phong trào thi đua" resource={record}>
        {({ movement: m, status, concludedOn, reviews, version }) => (
          <>
            <p class="unit-name" data-record-title>{m.name}</p>
            <Fields
              rows={[
                ['Tình trạng', `${STATUS_NAMES[status] ?? status}${concludedOn ? ` (${formatDate(concludedOn)})` : ''}`],
                ['Loại', movementKindName(m.kind)],
                ['Hình thức', movementFormName(m.form)],
                ['Phạm vi', movementScopeName(m.scope)],
                ['Cơ quan phát động', body(api, m.launchedBy, m.launchedOn)],
                ['Ngày phát động', formatDate(m.launchedOn)],
                ['Thời gian', `${formatDate(m.period.from)} – ${m.period.to ? formatDate(m.period.to) : 'chưa định'}`],
                ['Tiêu chí', m.criteria.length ? <ul>{m.criteria.map((c, i) => <li key={i}>{c}</li>)}</ul> : null],
                ['Sơ kết, tổng kết', reviews.length ? <ul>{reviews.map((r, i) => <li key={i}>{reviewKindName(r.reviewKind)} {formatDate(r.reviewedOn)}{r.findings ? `: ${r.findings}` : ''}</li>)}</ul> : null],
                ['Phiên bản', String(version)],
              ]}
            />
          </>
        )}
      </Panel>
    </main>
  );
}
