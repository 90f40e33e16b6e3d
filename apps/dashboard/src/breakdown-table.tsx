import { useState } from 'preact/hooks';
import { ChildFigures } from './answers';
import { compareText, formatDate, formatNumber, LEVEL_NAMES } from './labels';
import { href } from './route';

interface Column {
  readonly key: string;
  readonly label: string;
  readonly value: (child: ChildFigures) => number | string;
}

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Đơn vị', value: (c) => c.name },
  { key: 'meetings', label: 'Hội nghị', value: (c) => c.meetings.total },
  { key: 'attendees', label: 'Lượt đại biểu', value: (c) => c.meetings.attendees.total },
  { key: 'grants', label: 'Khen thưởng cho thành tích năm', value: (c) => c.commendations.grants },
  { key: 'collectives', label: 'Tập thể được khen', value: (c) => c.commendations.recipients.collectives },
  { key: 'individuals', label: 'Cá nhân được khen', value: (c) => c.commendations.recipients.individuals },
  { key: 'active', label: 'Phong trào trong năm', value: (c) => c.movements.active },
];

/** The figures of each unit directly below, sortable by any column; a unit's name drills down to it. */
export function BreakdownTable({ rows, year, asOf }: { rows: readonly ChildFigures[]; year: number; asOf?: string }) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'name', descending: false });
  const column = COLUMNS.find((c) => c.key === sort.key)!;
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    return sort.descending ? -order : order;
  });
  const sortBy = (key: string) => setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== 'name' }));
  return (
    <table class="breakdown" data-table="breakdown">
      <caption>Số liệu năm {year} theo đơn vị trực thuộc (bấm tiêu đề cột để sắp xếp)</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" class="sort" onClick={() => sortBy(c.key)} data-sort={c.key}>
                {c.label}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((child) => (
          <tr key={`${child.code} ${child.name}`} data-code={child.code}>
            <th scope="row">
              <a href={href('unit', child.code, { year: String(year), asOf })}>{child.name}</a>
              <span class="sub">
                {' '}
                {LEVEL_NAMES[child.level] ?? child.level} · {child.code}
                {child.from && child.to && !(child.from.endsWith('-01-01') && child.to.endsWith('-12-31')) ? ` · ${formatDate(child.from)}–${formatDate(child.to)}` : ''}
              </span>
            </th>
            {COLUMNS.slice(1).map((c) => (
              <td key={c.key} data-column={c.key}>
                {formatNumber(c.value(child) as number)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
