import { testToken } from '@civic/testing';

/** Request bodies drawn from the seed articles, for the end-to-end tests. */
export const MINH_KHAI = '00295';

export function minhKhaiReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitCode: MINH_KHAI,
    kind: 'HOI_NGHI_TONG_KET',
    title: 'Hội nghị tổng kết công tác xây dựng Đảng, chính quyền và phong trào “Toàn dân bảo vệ ANTQ” năm 2020',
    heldOn: '2021-01-12',
    venue: 'Hội trường Đảng ủy, HĐND, UBND phường Minh Khai, số 41 Ngõ Hòa Bình 7',
    convenedBy: [
      { body: 'DANG_UY', unitCode: MINH_KHAI },
      { body: 'HDND', unitCode: MINH_KHAI },
      { body: 'UBND', unitCode: MINH_KHAI },
      { body: 'UB_MTTQ', unitCode: MINH_KHAI },
    ],
    attendeeCount: { value: 120, qualifier: 'APPROX' },
    reviewYear: 2020,
    planYear: 2021,
    ...overrides,
  };
}

/** Response bodies are asserted field by field in the tests, so they stay loosely typed here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
}

/** Requests are made as an administrator unless `headers` carry another Authorization (or an empty one: none). */
export const asAdministrator = (headers: Record<string, string>): Record<string, string> => {
  const { authorization = `Bearer ${testToken()}`, ...rest } = headers;
  return { ...rest, ...(authorization ? { authorization } : {}) };
};

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...asAdministrator(headers) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(url, { headers: asAdministrator(headers) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
