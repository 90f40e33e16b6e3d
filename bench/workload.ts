import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { NewEvent } from '@civic/event-store';
import { toMeeting } from '../apps/records-api/src/record-meeting/record-meeting.http.controller';
import { RecordMeetingRequestDto } from '../apps/records-api/src/record-meeting/record-meeting.request.dto';
import { OFFICIAL_LISTS_DIR } from '../deploy/local/registry';

export interface Ward {
  readonly code: string;
  readonly name: string;
  readonly districtCode: string;
  readonly provinceCode: string;
}

/** The wards and communes of the 2021 official list (province, district, commune), read from the shared data. */
export function officialWards(provinces?: readonly string[]): Ward[] {
  const rows = parse(readFileSync(join(OFFICIAL_LISTS_DIR, 'vn_units_3level_20210201_flat.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  return rows
    .map((row) => ({ code: row.commune_code, name: row.commune_name, districtCode: row.district_code, provinceCode: row.province_code }))
    .filter((ward) => !provinces || provinces.includes(ward.provinceCode));
}

/**
 * Picks wards as real traffic does: a few hot wards (a fifth of the picks go to the first ten) and a long tail,
 * deterministic for a given seed so runs compare.
 */
export class WardPicker {
  private state: number;

  constructor(
    private readonly wards: readonly Ward[],
    seed = 7,
  ) {
    this.state = seed;
  }

  next(): Ward {
    this.state = (this.state * 1103515245 + 12345) % 2 ** 31;
    const r = this.state / 2 ** 31;
    if (r < 0.2) return this.wards[Math.floor((r / 0.2) * Math.min(10, this.wards.length))];
    // A Zipf-like tail: lower indexes more often.
    return this.wards[Math.floor(this.wards.length * ((r - 0.2) / 0.8) ** 2)];
  }
}

const TITLES = [
  'Hội nghị tổng kết công tác xây dựng Đảng, chính quyền và phong trào “Toàn dân bảo vệ an ninh Tổ quốc”',
  'Hội nghị sơ kết 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm',
  'Hội nghị biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua',
  'Hội nghị tiếp xúc cử tri với đại biểu Hội đồng nhân dân quận trước kỳ họp thường lệ',
];

/** A meeting request as a clerk would send it: Vietnamese text, a realistic size (about 1 KB). */
export function meetingRequest(ward: Ward, year: number, sequence: number): Record<string, unknown> {
  const month = 1 + (sequence % 12);
  return {
    unitCode: ward.code,
    kind: 'HOI_NGHI_TONG_KET',
    title: `${TITLES[sequence % TITLES.length]} năm ${year - 1}`,
    heldOn: `${year}-${String(month).padStart(2, '0')}-${String(1 + (sequence % 27)).padStart(2, '0')}`,
    venue: `Hội trường Ủy ban nhân dân ${ward.name}`,
    convenedBy: [{ body: 'UBND', unitCode: ward.code }],
    chairedBy: { fullName: 'Nguyễn Thị Thanh Hương', role: `Chủ tịch UBND ${ward.name}` },
    attendeeCount: { value: 80 + (sequence % 120), qualifier: sequence % 3 ? 'EXACT' : 'APPROX' },
    reviewYear: year - 1,
    planYear: year,
  };
}

/** The MeetingHeld event the command above records, for library-level scenarios. */
export function meetingEvent(ward: Ward, year: number, sequence: number): NewEvent {
  const request = meetingRequest(ward, year, sequence);
  const meetingId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 2,
    // The record exactly as records-api maps the request.
    data: { ...toMeeting(request as unknown as RecordMeetingRequestDto, meetingId) },
    metadata: { actor: { subject: `clerk-${ward.code}`, roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() },
    occurredOn: request.heldOn as string,
    unitCode: ward.code,
  };
}
