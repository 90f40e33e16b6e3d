import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { RunningSystem, testToken, waitFor } from '@civic/testing';
import { buildDashboard } from '../deploy/dashboard/build-dashboard';
import { getJson, minhKhaiReview, postJson } from './meeting-requests';

/**
 * The dashboard in a real browser (Debian's Chromium, driven by playwright-core): an official signs in, picks
 * Hà Nội and a year, drills down city → district → ward → meeting, and sees on the page the figures the API gives.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');
const HOAN_KIEM = '002';
const HANG_TRONG = '00070';
const YEAR = 2021;

describe('The dashboard, in a real browser', () => {
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  /** A moment before any record of the test: the dashboard's time travel must show none of them. */
  let before: string;
  const token = testToken({ subject: 'dashboard-city-officer', roles: ['city-officer'], units: ['01'] });
  const api = (path: string) => getJson(`${system.url('query-api')}${path}`, { authorization: `Bearer ${token}` });
  const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText();
  const number = (text: string) => Number(text.replace(/\D/g, ''));

  beforeAll(async () => {
    const dashboard = await buildDashboard();
    system = await RunningSystem.start({ environment: { DASHBOARD_DIR: dashboard } });
    const records = `${system.url('records-api')}/v1`;
    before = new Date().toISOString();
    const created = await Promise.all([
      postJson(`${records}/meetings`, {
        unitCode: HOAN_KIEM, kind: 'HOI_NGHI_TONG_KET', heldOn: '2021-01-08', convenedBy: [{ body: 'UB_MTTQ', unitCode: HOAN_KIEM }],
        title: 'Hội nghị tổng kết công tác mặt trận năm 2020', attendeeCount: { value: 300, qualifier: 'AT_LEAST' }, reviewYear: 2020, planYear: 2021,
        chairedBy: { fullName: 'Lê Hồng Phú', role: 'Chủ tịch Ủy ban MTTQ Việt Nam quận Hoàn Kiếm' },
      }),
      postJson(`${records}/meetings`, minhKhaiReview({ unitCode: HANG_TRONG, convenedBy: [{ body: 'UBND', unitCode: HANG_TRONG }], title: 'Hội nghị tổng kết năm 2020 phường Hàng Trống' })),
      postJson(`${records}/meetings`, minhKhaiReview()),
      postJson(`${records}/commendations`, {
        form: 'GIAY_KHEN', commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: HOAN_KIEM }, jointIssuers: [{ body: 'UB_MTTQ', unitCode: HOAN_KIEM }],
        grantedOn: '2021-01-08', forYear: 2020, recipients: { collectives: { count: 41 }, individuals: { count: 56 } }, reason: 'Có thành tích xuất sắc trong công tác mặt trận năm 2020',
      }),
      postJson(`${records}/emulation-movements`, {
        name: 'Phong trào thi đua năm 2021', kind: 'PHONG_TRAO', form: 'THUONG_XUYEN', scope: 'DIA_PHUONG', launchedBy: { body: 'UBND', unitCode: HANG_TRONG },
        launchedOn: '2021-01-12', period: { from: '2021-01-01', to: '2021-12-31' }, criteria: ['Hoàn thành xuất sắc nhiệm vụ năm 2021'],
      }),
    ]);
    expect(created.map((r) => [r.status, r.body.detail])).toEqual(created.map(() => [201, undefined]));
    await waitFor('the city summary to count every record', async () => {
      const { body } = await api(`/v1/summaries/cities/01?year=${YEAR}`);
      return body.meetings?.total === 3 && body.movements?.active === 1 ? body : undefined;
    }, { timeoutMs: 60_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // axe-core is added to the page as a script; the page's own policy allows only its own scripts.
    page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function accessibilityViolations(): Promise<{ id: string; impact: string; nodes: string[] }[]> {
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    return page.evaluate(async () => {
      // Runs in the page: its globals, not Node's.
      const { axe, document } = globalThis as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> }; document: unknown };
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
  }
  const serious = (violations: { impact: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

  it('refuses a wrong token in words, and signs in with a valid one', async () => {
    await page.goto(`${system.url('query-api')}/dashboard/`);
    await page.getByLabel('Mã truy cập (bearer token)').fill('not-a-token');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Mã truy cập không hợp lệ hoặc đã hết hạn');
    expect(serious(await accessibilityViolations())).toEqual([]);
    await page.getByLabel('Mã truy cập (bearer token)').fill(token);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Chọn đơn vị' }).waitFor();
  });

  it('finds Hà Nội by its name without diacritics and shows the year\'s figures as the API gives them, per district and per month', async () => {
    await page.getByLabel('Tên hoặc mã đơn vị').fill('ha noi');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: 'Thành phố Hà Nội', exact: true }).click();
    await page.getByLabel('Năm', { exact: true }).selectOption(String(YEAR));
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.locator('[data-panel="summary"][data-state="ready"]').waitFor();
    const { body: summary } = await api(`/v1/summaries/cities/01?year=${YEAR}&breakdown=children`);
    expect(await page.locator('[data-unit="01"]').innerText()).toContain('Thành phố Hà Nội');
    expect(number(await figure('meetings'))).toBe(summary.meetings.total);
    expect(number(await figure('grants'))).toBe(summary.commendations.grants);
    expect(number(await figure('collectives'))).toBe(summary.commendations.recipients.collectives);
    expect(number(await figure('individuals'))).toBe(summary.commendations.recipients.individuals);
    expect(number(await figure('movements'))).toBe(summary.movements.active);
    const rows = page.locator('[data-table="breakdown"] tbody tr');
    expect(await rows.count()).toBe(summary.children.length);
    for (const child of summary.children.filter((c: { meetings: { total: number } }) => c.meetings.total > 0)) {
      expect(number(await page.locator(`[data-table="breakdown"] tr[data-code="${child.code}"] td[data-column="meetings"]`).innerText())).toBe(child.meetings.total);
    }
    // Sorting by meetings, most first, puts Hoàn Kiếm (two meetings) on top.
    await page.locator('button[data-sort="meetings"]').click();
    expect(await rows.first().getAttribute('data-code')).toBe(HOAN_KIEM);
    expect(await page.locator('th:has(button[data-sort="meetings"])').getAttribute('aria-sort')).toBe('descending');

    const { body: series } = await api(`/v1/summaries/cities/01/series?year=${YEAR}&interval=month`);
    for (const chart of ['meetings-by-month', 'commendations-by-month']) {
      await page.locator(`[data-chart="${chart}"][data-rendered="true"]`).waitFor();
      expect(await page.locator(`[data-chart="${chart}"] svg path`).count()).toBeGreaterThan(12);
    }
    const monthly = await page.locator('[data-table="meetings-by-month-figures"] td[data-column="total"]').allTextContents();
    expect(monthly.map(number)).toEqual(series.periods.map((p: { meetings: { total: number } }) => p.meetings.total));
    await page.locator('[data-panel="meetings"][data-state="ready"]').waitFor();
    expect(serious(await accessibilityViolations())).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-city.png'), fullPage: true });
  });

  it('drills down from the city to a district, a ward and one of its meetings', async () => {
    await page.locator(`[data-table="breakdown"] tr[data-code="${HOAN_KIEM}"] a`).click();
    await page.locator(`[data-unit="${HOAN_KIEM}"]`).waitFor();
    expect(await page.locator(`[data-unit="${HOAN_KIEM}"]`).innerText()).toContain('Quận Hoàn Kiếm');
    expect(await page.getByRole('navigation', { name: 'Đơn vị cấp trên' }).innerText()).toContain('Thành phố Hà Nội');
    const { body: district } = await api(`/v1/summaries/districts/${HOAN_KIEM}?year=${YEAR}&breakdown=children`);
    expect(number(await figure('meetings'))).toBe(district.meetings.total);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-district.png'), fullPage: true });

    await page.locator(`[data-table="breakdown"] tr[data-code="${HANG_TRONG}"] a`).click();
    await page.locator(`[data-unit="${HANG_TRONG}"]`).waitFor();
    const { body: ward } = await api(`/v1/summaries/wards/${HANG_TRONG}?year=${YEAR}`);
    expect(number(await figure('meetings'))).toBe(ward.meetings.total);
    await page.locator('[data-panel="movements"][data-state="ready"]').waitFor();
    expect(await page.locator('[data-list="movements"]').innerText()).toContain('Phong trào thi đua năm 2021');

    await page.locator('[data-panel="meetings"][data-state="ready"]').waitFor();
    await page.getByRole('link', { name: 'Hội nghị tổng kết năm 2020 phường Hàng Trống' }).click();
    await page.locator('[data-record-title]').waitFor();
    expect(await page.locator('[data-record-title]').innerText()).toBe('Hội nghị tổng kết năm 2020 phường Hàng Trống');
    const fields = await page.locator('[data-fields]').innerText();
    expect(fields).toContain('Hội nghị tổng kết');
    expect(fields).toContain(HANG_TRONG);
    expect(serious(await accessibilityViolations())).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-meeting.png'), fullPage: true });
  });

  it('shows the figures as they stood at a past moment (time travel), and the live ones again', async () => {
    await page.goto(`${system.url('query-api')}/dashboard/#/unit/01?year=${YEAR}&asOf=${encodeURIComponent(before)}`);
    await page.locator('[data-panel="summary"][data-state="ready"]').waitFor();
    expect(number(await figure('meetings'))).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Đang xem số liệu như tại' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Xem số liệu hiện tại' }).click();
    // The panel reloads: wait for the live figure rather than for a state the old answer also had.
    await page.locator('[data-figure="meetings"]').filter({ hasText: /^3$/ }).waitFor();
    expect(page.url()).not.toContain('asOf');
  });

  it('leads from a ward the 2025 reform created to its predecessors\' figures (successor view)', async () => {
    // 00070 was Phường Hàng Trống until 2025-06-30; since 2025-07-01 it is Phường Hoàn Kiếm, formed from it and others.
    await page.goto(`${system.url('query-api')}/dashboard/#/unit/${HANG_TRONG}?year=${YEAR}`);
    await page.locator('[data-successor-link] a').click();
    await page.locator('[data-panel="successors"][data-state="ready"]').waitFor();
    const { body: view } = await api(`/v1/summaries/wards/${HANG_TRONG}/successor-view?year=${YEAR}`);
    expect(await page.locator('[data-table="predecessors"] tbody tr').count()).toBe(view.predecessors.length);
    const hangTrong = page.locator('[data-table="predecessors"] tbody tr', { hasText: 'Phường Hàng Trống' });
    const figures = await hangTrong.locator('td').allInnerTexts();
    expect(number(figures[2])).toBe(view.predecessors.find((p: { name: string }) => p.name === 'Phường Hàng Trống').meetings.total);
    expect(serious(await accessibilityViolations())).toEqual([]);
  });

  it('shows a district officer the district per ward and per month, down to a record', async () => {
    const officer = testToken({ subject: 'dashboard-district-officer', roles: ['district-officer'], units: [HOAN_KIEM] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const own = await context.newPage();
    await own.goto(`${system.url('query-api')}/dashboard/`);
    await own.getByLabel('Mã truy cập (bearer token)').fill(officer);
    await own.getByRole('button', { name: 'Đăng nhập' }).click();
    await own.getByLabel('Tên hoặc mã đơn vị').fill('hoan kiem');
    await own.getByRole('button', { name: 'Tìm' }).click();
    await own.getByRole('link', { name: 'Quận Hoàn Kiếm', exact: true }).click();
    await own.getByLabel('Năm', { exact: true }).selectOption(String(YEAR));
    await own.getByRole('button', { name: 'Xem', exact: true }).click();
    await own.locator('[data-panel="summary"][data-state="ready"]').waitFor();
    const { body: district } = await getJson(`${system.url('query-api')}/v1/summaries/districts/${HOAN_KIEM}?year=${YEAR}&breakdown=children`, { authorization: `Bearer ${officer}` });
    expect(number(await own.locator('[data-figure="meetings"]').innerText())).toBe(district.meetings.total);
    expect(await own.locator('[data-table="breakdown"] tbody tr').count()).toBe(district.children.length);
    await own.locator('[data-chart="meetings-by-month"][data-rendered="true"]').waitFor();
    await own.locator('[data-panel="meetings"][data-state="ready"]').waitFor();
    await own.getByRole('link', { name: 'Hội nghị tổng kết công tác mặt trận năm 2020' }).click();
    await own.locator('[data-record-title]').waitFor();
    expect(await own.locator('[data-fields]').innerText()).toContain('Lê Hồng Phú');
    await context.close();
  });

  it('says in words why a unit cannot be shown', async () => {
    await page.goto(`${system.url('query-api')}/dashboard/#/unit/${HOAN_KIEM}?year=2026`);
    await page.locator('[data-panel="summary"][data-state="failed"]').waitFor();
    const alert = await page.locator('[data-panel="summary"] [role="alert"]').innerText();
    expect(alert).toContain('Không tìm thấy dữ liệu được yêu cầu');
    expect(alert).toContain('abolished on 2025-07-01');
  });
});
