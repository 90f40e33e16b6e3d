/**
 * The facts of the five seed articles (../shared/seeds) that the model can hold, as API requests. Each fact says
 * where it comes from. What an article leaves out (a count, an issuer, a date) is left out here too: nothing is
 * invented. `NOT_RECORDED` lists what the articles say that these requests do not hold, and why.
 */
export interface SeedFact {
  /** Stable name: the Idempotency-Key, so loading twice records once. */
  readonly key: string;
  readonly source: string;
  readonly path: '/v1/meetings' | '/v1/commendations' | '/v1/commendation-proposals' | '/v1/emulation-movements' | '/v1/meetings/{id}/corrections';
  readonly body: Record<string, unknown>;
  /** Facts recorded at a meeting refer to it by the key of the meeting's fact. */
  readonly atMeeting?: string;
  /** A correction names the meeting it corrects by the key of the meeting's fact. */
  readonly corrects?: string;
}

/**
 * What the first load left out of a meeting, added as a correction: a new event on the record, the first one kept
 * in its history (history is never rewritten, the demo's included).
 */
function correction(meeting: SeedFact, source: string, reason: string, additions: Record<string, unknown>): SeedFact {
  return { key: `${meeting.key}-correction`, source, path: '/v1/meetings/{id}/corrections', corrects: meeting.key, body: { reason, meeting: { ...meeting.body, ...additions } } };
}

const MINH_KHAI = '00295';
const THANH_KHE_TAY = '20206';
const VINH_PHUC = '00006';
const HOAN_KIEM = '002';
const KHUONG_THUONG = '00238';
const DONG_DA = '006';
const DA_NANG = '48';
const HA_NOI = '01';
/** The nation, where the national bodies sit (Chính phủ, UBTW MTTQ). */
const NATION = 'VN';

const FIRST_RECORDS: readonly SeedFact[] = [
  {
    key: 'seed-000-meeting',
    source: 'seeds/000_5ac1c78084622dc2.txt: "Chiều ngày 12/01/2021, tại Hội trường Đảng ủy, HĐND, UBND phường Minh Khai …"',
    path: '/v1/meetings',
    body: {
      unitCode: MINH_KHAI,
      kind: 'HOI_NGHI_TONG_KET',
      title:
        'Hội nghị tổng kết công tác xây dựng Đảng, chính quyền và phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2020; triển khai nhiệm vụ và phát động phong trào thi đua năm 2021',
      heldOn: '2021-01-12',
      venue: 'Hội trường Đảng ủy, HĐND, UBND phường Minh Khai (Số 41 Ngõ Hòa Bình 7, phường Minh Khai)',
      convenedBy: [
        { body: 'DANG_UY', unitCode: MINH_KHAI },
        { body: 'UBND', unitCode: MINH_KHAI },
      ],
      reviewYear: 2020,
      planYear: 2021,
      theme: 'Kỷ cương, trách nhiệm, hành động, sáng tạo và phát triển',
      reports: [
        { title: 'Báo cáo tổng kết công tác Đảng, chính quyền năm 2020' },
        { title: 'Báo cáo tổng kết phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2020 và triển khai nhiệm vụ năm 2021' },
      ],
      source: { publishedOn: '2021-01-19', author: 'Giang Vũ' },
    },
  },
  {
    key: 'seed-000-movement',
    source: 'seeds/000: "đại diện lãnh đạo UBND phường đã phát động phong trào thi đua năm 2021"',
    path: '/v1/emulation-movements',
    atMeeting: 'seed-000-meeting',
    body: {
      name: 'Phong trào thi đua năm 2021',
      kind: 'PHONG_TRAO',
      form: 'THUONG_XUYEN',
      scope: 'DIA_PHUONG',
      launchedBy: { body: 'UBND', unitCode: MINH_KHAI },
      launchedOn: '2021-01-12',
      period: { from: '2021-01-01', to: '2021-12-31' },
      criteria: ['Kỷ cương, trách nhiệm, hành động, sáng tạo và phát triển (chủ đề công tác năm 2021)'],
    },
  },
  {
    key: 'seed-001-meeting',
    source: 'seeds/001_c9b5cf354f6206ed.txt: "Sáng ngày 13/01/2022, Khối Dân vận Đảng ủy và Ban Chỉ đạo thực hiện QCDC ở cơ sở phường tổ chức Hội nghị tổng kết …"',
    path: '/v1/meetings',
    body: {
      unitCode: THANH_KHE_TAY,
      kind: 'HOI_NGHI_TONG_KET',
      title: 'Hội nghị tổng kết công tác dân vận và thực hiện QCDC ở cơ sở năm 2021, triển khai nhiệm vụ năm 2022',
      heldOn: '2022-01-13',
      convenedBy: [
        { body: 'KHOI_DAN_VAN', unitCode: THANH_KHE_TAY },
        { body: 'BCD_QCDC', unitCode: THANH_KHE_TAY },
      ],
      chairs: [
        {
          fullName: 'Nguyễn Tiến Sữ',
          role: 'Phó Bí thư Thường trực Đảng ủy, Trưởng Khối Dân vận, Trưởng Ban Chỉ đạo thực hiện QCDC ở cơ sở phường',
        },
      ],
      guests: [
        { fullName: 'Lê Thị Hồng Nhân', role: 'Phó Trưởng Ban Dân vận Quận uỷ' },
        { fullName: 'Lê Văn Cương', role: 'Quận ủy viên, Bí thư Đảng ủy phường' },
      ],
      reviewYear: 2021,
      planYear: 2022,
      source: { author: 'Thanh Thủy' },
    },
  },
  {
    key: 'seed-001-commendation-on-or-before',
    source:
      'seeds/001_c9b5cf354f6206ed.txt: "Khối Dân vận Đảng uỷ được Ban Dân vận Thành uỷ tặng giấy khen vì đã có thành tích tiêu biểu trong hoạt động ngành Dân vận năm 2021" (the article gives no date of its own: on or before the meeting that reports it)',
    path: '/v1/commendations',
    atMeeting: 'seed-001-meeting',
    body: {
      form: 'GIAY_KHEN',
      commendationType: 'CHUYEN_DE',
      issuer: { body: 'BAN_DAN_VAN', unitCode: DA_NANG },
      grantedOn: '2022-01-13',
      grantedOnPrecision: 'ON_OR_BEFORE',
      forYear: 2021,
      recipients: { collectives: { names: ['Khối Dân vận Đảng ủy phường Thanh Khê Tây'] } },
      reason: 'Có thành tích tiêu biểu trong hoạt động ngành Dân vận năm 2021',
    },
  },
  {
    key: 'seed-002-meeting',
    source: 'seeds/002_10812a21e88cf0f5.txt: "Sáng ngày 29/01, phường Vĩnh Phúc đã tổ chức hội nghị triển khai chương trình công tác năm 2021 …"',
    path: '/v1/meetings',
    body: {
      unitCode: VINH_PHUC,
      kind: 'HOI_NGHI_TRIEN_KHAI',
      title: 'Hội nghị triển khai chương trình công tác năm 2021, mừng Đảng, mừng xuân Tân Sửu 2021',
      heldOn: '2021-01-29',
      convenedBy: [
        { body: 'DANG_UY', unitCode: VINH_PHUC },
        { body: 'HDND', unitCode: VINH_PHUC },
        { body: 'UBND', unitCode: VINH_PHUC },
        { body: 'UB_MTTQ', unitCode: VINH_PHUC },
      ],
      planYear: 2021,
      source: { author: 'Nguyễn Việt Chinh' },
    },
  },
  {
    key: 'seed-003-meeting',
    source: 'seeds/003_5eb4c6df541e3a06.txt: "Sáng ngày 08/01/2021 tại hội trường tầng 4 – 33 phố Nhà Chung … trên 300 đại biểu"',
    path: '/v1/meetings',
    body: {
      unitCode: HOAN_KIEM,
      kind: 'HOI_NGHI_TONG_KET',
      title: 'Hội nghị tổng kết công tác mặt trận năm 2020, triển khai chương trình phối hợp và thống nhất hành động năm 2021',
      heldOn: '2021-01-08',
      venue: 'Hội trường tầng 4 – 33 phố Nhà Chung',
      convenedBy: [{ body: 'UB_MTTQ', unitCode: HOAN_KIEM }],
      attendeeCount: { value: 300, qualifier: 'AT_LEAST' },
      reviewYear: 2020,
      planYear: 2021,
      guests: [
        { fullName: 'Đàm Văn Huân', role: 'Phó Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội' },
        { fullName: 'Trương Thị Ánh Tuyết', role: 'Phó Trưởng ban Tổ chức Ủy ban MTTQ Việt Nam thành phố Hà Nội' },
        { fullName: 'Bùi Hoàng Phan', role: 'Phó Bí thư Thường trực Quận ủy' },
        { fullName: 'Phạm Tuấn Long', role: 'Phó Bí thư Quận ủy, Chủ tịch UBND quận' },
      ],
      reports: [
        {
          title: 'Báo cáo tóm tắt kết quả công tác mặt trận năm 2020, triển khai chương trình phối hợp và thống nhất hành động năm 2021',
          presenter: { fullName: 'Võ Hoàng Long', role: 'Phó Chủ tịch Ủy ban MTTQ Việt Nam quận' },
        },
      ],
      theme: 'Kỷ cương – Phát triển (chủ đề công tác năm của quận)',
      source: { publishedOn: '2021-01-12', author: 'Bích Ngọc' },
    },
  },
  {
    key: 'seed-003-commendation',
    source: 'seeds/003: "41 tập thể và 56 cá nhân được UBND quận và Ủy ban MTTQ Việt Nam quận Hoàn Kiếm tặng giấy khen có thành tích xuất sắc trong công tác mặt trận năm 2020"',
    path: '/v1/commendations',
    atMeeting: 'seed-003-meeting',
    body: {
      form: 'GIAY_KHEN',
      commendationType: 'CONG_TRANG',
      issuer: { body: 'UBND', unitCode: HOAN_KIEM },
      jointIssuers: [{ body: 'UB_MTTQ', unitCode: HOAN_KIEM }],
      grantedOn: '2021-01-08',
      forYear: 2020,
      recipients: { collectives: { count: 41 }, individuals: { count: 56 } },
      reason: 'Có thành tích xuất sắc trong công tác mặt trận năm 2020',
    },
  },
  {
    key: 'seed-003-government-flag',
    source: 'seeds/003: "Đảng bộ quận vinh dự đạt danh hiệu thi đua dẫn đầu được Chính phủ tặng Cờ thi đua xuất sắc năm 2020" (no date of its own: on or before the meeting that reports it)',
    path: '/v1/commendations',
    atMeeting: 'seed-003-meeting',
    body: {
      title: 'CO_THI_DUA_CHINH_PHU',
      commendationType: 'CONG_TRANG',
      issuer: { body: 'CHINH_PHU', unitCode: NATION },
      grantedOn: '2021-01-08',
      grantedOnPrecision: 'ON_OR_BEFORE',
      forYear: 2020,
      recipients: { collectives: { names: ['Đảng bộ quận Hoàn Kiếm'] } },
      reason: 'Đạt danh hiệu thi đua dẫn đầu, Cờ thi đua xuất sắc năm 2020',
    },
  },
  {
    key: 'seed-003-proposal-to-the-front-centre',
    source: 'seeds/003: "Công tác MTTQ quận năm 2020 đạt thành tích xuất sắc được Ủy ban MTTQ Việt Nam thành phố Hà Nội đề xuất Ủy ban Trung ương MTTQ Việt Nam tặng Bằng khen" (on or before the meeting that reports it)',
    path: '/v1/commendation-proposals',
    atMeeting: 'seed-003-meeting',
    body: {
      proposer: { body: 'UB_MTTQ', unitCode: HA_NOI },
      proposedTo: { body: 'UBTW_MTTQ', unitCode: NATION },
      proposedOn: '2021-01-08',
      proposedOnPrecision: 'ON_OR_BEFORE',
      form: 'BANG_KHEN',
      forYear: 2020,
      recipients: { collectives: { names: ['Ủy ban MTTQ Việt Nam quận Hoàn Kiếm'] } },
      reason: 'Công tác Mặt trận Tổ quốc quận năm 2020 đạt thành tích xuất sắc',
    },
  },
  {
    key: 'seed-004-meeting',
    source: 'seeds/004_2c52a39c0893f69f.txt: "Sáng ngày 28/01/2021, tại hội trường tầng 3 trụ sở phường Khương Thượng, UBND phường long trọng tổ chức Hội nghị tổng kết …"',
    path: '/v1/meetings',
    body: {
      unitCode: KHUONG_THUONG,
      kind: 'HOI_NGHI_TONG_KET',
      title:
        'Hội nghị tổng kết phong trào thi đua năm 2020, triển khai nhiệm vụ kinh tế xã hội - an ninh quốc phòng và phát động phong trào thi đua năm 2021',
      heldOn: '2021-01-28',
      venue: 'Hội trường tầng 3 trụ sở phường Khương Thượng',
      convenedBy: [{ body: 'UBND', unitCode: KHUONG_THUONG }],
      reviewYear: 2020,
      planYear: 2021,
      reports: [{ title: 'Báo cáo thực hiện nhiệm vụ chính trị - kinh tế - xã hội, an ninh quốc phòng năm 2020 và phương hướng nhiệm vụ năm 2021' }],
      indicators: [
        { label: 'Tổ dân phố đạt danh hiệu Tổ dân phố văn hóa', numerator: 13, denominator: 18 },
        { label: 'Thu ngân sách trên địa bàn so với chỉ tiêu', numerator: 101, unit: '%' },
      ],
      source: { publishedOn: '2021-01-28' },
    },
  },
  {
    key: 'seed-004-movement',
    source: 'seeds/004: "… và phát động phong trào thi đua năm 2021"',
    path: '/v1/emulation-movements',
    atMeeting: 'seed-004-meeting',
    body: {
      name: 'Phong trào thi đua năm 2021',
      kind: 'PHONG_TRAO',
      form: 'THUONG_XUYEN',
      scope: 'DIA_PHUONG',
      launchedBy: { body: 'UBND', unitCode: KHUONG_THUONG },
      launchedOn: '2021-01-28',
      period: { from: '2021-01-01', to: '2021-12-31' },
    },
  },
  {
    key: 'seed-004-proposal',
    source:
      'seeds/004: "có 13/18 Tổ dân phố đạt Danh hiệu TDP Văn hóa đề nghị Quận công nhận" (a proposal to the district, reported at the meeting: it is dated by the meeting)',
    path: '/v1/commendation-proposals',
    atMeeting: 'seed-004-meeting',
    body: {
      proposer: { body: 'UBND', unitCode: KHUONG_THUONG },
      proposedTo: { body: 'UBND', unitCode: DONG_DA },
      proposedOn: '2021-01-28',
      title: 'THON_TDP_VAN_HOA',
      forYear: 2020,
      recipients: { collectives: { count: 13 } },
      reason: 'Đề nghị Quận công nhận danh hiệu Tổ dân phố văn hóa năm 2020 cho 13/18 tổ dân phố của phường Khương Thượng',
    },
  },
];

const recorded = (key: string): SeedFact => FIRST_RECORDS.find((fact) => fact.key === key) as SeedFact;
const meetingBody = (key: string) => recorded(key).body as { reports?: unknown[]; indicators?: unknown[] };

/** Speakers, hosts and indicators the articles name that the first records left out. */
const CORRECTIONS: readonly SeedFact[] = [
  correction(
    recorded('seed-001-meeting'),
    'seeds/001: "Tại Hội nghị này cũng đã biểu dương, khen thưởng 07 tập thể và 03 cá nhân đã có thành tích xuất sắc trong việc triển khai thực hiện QCDC ở cơ sở phường năm 2021"',
    'Bổ sung chỉ tiêu theo bài viết: số tập thể và cá nhân được biểu dương, khen thưởng tại hội nghị',
    {
      indicators: [
        { label: 'Tập thể được biểu dương, khen thưởng vì thành tích thực hiện QCDC ở cơ sở năm 2021', numerator: 7 },
        { label: 'Cá nhân được biểu dương, khen thưởng vì thành tích thực hiện QCDC ở cơ sở năm 2021', numerator: 3 },
      ],
    },
  ),
  correction(
    recorded('seed-002-meeting'),
    'seeds/002: "đồng chí Phạm Thị Thu Hường - Quận ủy viên, Bí thư Đảng ủy phường ghi nhận và đánh giá cao những kết quả …"',
    'Bổ sung người phát biểu tại hội nghị theo bài viết',
    {
      reports: [
        ...(meetingBody('seed-002-meeting').reports ?? []),
        { title: 'Phát biểu ghi nhận kết quả năm 2020 và nhiệm vụ năm 2021 của phường', presenter: { fullName: 'Phạm Thị Thu Hường', role: 'Quận ủy viên, Bí thư Đảng ủy phường' } },
      ],
    },
  ),
  correction(
    recorded('seed-003-meeting'),
    'seeds/003: "Đồng chí Lê Hồng Phú – Ủy viên Ban Thường vụ Quận ủy, Chủ tịch Ủy ban MTTQ Việt Nam quận phát biểu tiếp thu ý kiến tại hội nghị"',
    'Bổ sung người chủ trì hội nghị theo bài viết',
    { chairs: [{ fullName: 'Lê Hồng Phú', role: 'Ủy viên Ban Thường vụ Quận ủy, Chủ tịch Ủy ban MTTQ Việt Nam quận' }] },
  ),
  correction(
    recorded('seed-004-meeting'),
    'seeds/004: "đồng chí Vương Thái Dương - Bí thư Đảng ủy - Chủ tịch HĐND phường đánh giá cao …"; "100% các công trình xây dựng đều có phép"',
    'Bổ sung người phát biểu và chỉ tiêu theo bài viết',
    {
      reports: [
        ...(meetingBody('seed-004-meeting').reports ?? []),
        { title: 'Phát biểu đánh giá kết quả năm 2020 và nhiệm vụ năm 2021 của phường', presenter: { fullName: 'Vương Thái Dương', role: 'Bí thư Đảng ủy - Chủ tịch HĐND phường' } },
      ],
      indicators: [...(meetingBody('seed-004-meeting').indicators ?? []), { label: 'Công trình xây dựng trên địa bàn có giấy phép', numerator: 100, unit: '%' }],
    },
  ),
];

export const SEED_FACTS: readonly SeedFact[] = [...FIRST_RECORDS, ...CORRECTIONS];

/**
 * A record an earlier demo load made that its article does not support, found in the event log by the demo's
 * correlation id and withdrawn as made in error (its history is kept). Each `matches` the grant's data as recorded.
 */
export interface EarlierRecord {
  readonly key: string;
  readonly unitCode: string;
  readonly reason: string;
  readonly matches: (grant: { issuer: { body: string; unitCode: string }; award: { title?: string }; forYear: number; grantedOnPrecision?: string }) => boolean;
}

export const WITHDRAWN_EARLIER: readonly EarlierRecord[] = [
  {
    key: 'seed-004-commendation',
    unitCode: DONG_DA,
    reason: 'Bài viết (seeds/004) nêu phường đề nghị Quận công nhận danh hiệu Tổ dân phố văn hóa, không nêu quyết định công nhận: đã ghi lại là đề nghị',
    matches: (grant) => grant.award.title === 'THON_TDP_VAN_HOA' && grant.issuer.unitCode === DONG_DA && grant.forYear === 2020,
  },
  {
    key: 'seed-001-commendation',
    unitCode: DA_NANG,
    reason: 'Bài viết (seeds/001) không nêu ngày tặng giấy khen: đã ghi lại với ngày chậm nhất là ngày hội nghị đưa tin',
    matches: (grant) => grant.issuer.body === 'BAN_DAN_VAN' && (grant.grantedOnPrecision ?? 'DAY') === 'DAY',
  },
];

/** What the articles say that is not recorded, and why: the model (or the article) lacks what it would need. */
export const NOT_RECORDED: readonly { readonly source: string; readonly why: string }[] = [
  { source: 'seeds/000: "Biểu dương khen thưởng nhiều tập thể … các cá nhân lao động tiên tiến"', why: 'no count, no form, no issuer' },
  { source: 'seeds/001: "khen thưởng 07 tập thể và 03 cá nhân … QCDC ở cơ sở phường năm 2021"', why: 'held as indicators of the meeting, not as a grant: the article names neither the issuer nor the form' },
  { source: 'seeds/001: "Đảng uỷ phường được Ban Thường vụ Quận uỷ công nhận Đảng bộ hoàn thành xuất sắc nhiệm vụ năm 2021"', why: 'a Party rating of the year, not a commendation form or title the model holds' },
  { source: 'seeds/004: "biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc"', why: 'no count, no form' },
];
