import { Problem } from './api';

/** What a refusal means, in the words of an official using the dashboard; the API's own detail follows it. */
export function problemInWords(problem: Problem): string {
  switch (problem.status) {
    case 0:
      return 'Không kết nối được tới máy chủ. Kiểm tra mạng rồi thử lại.';
    case 400:
      return 'Yêu cầu chưa hợp lệ: một giá trị đã chọn không đúng.';
    case 401:
      return 'Mã truy cập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.';
    case 403:
      return 'Bạn không có quyền xem nội dung này với mã truy cập hiện tại.';
    case 404:
      return 'Không tìm thấy dữ liệu được yêu cầu.';
    case 429:
      return `Hệ thống đang bận. Vui lòng thử lại sau ${problem.retryAfter ?? 'ít'} giây.`;
    case 503:
      return `Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau ${problem.retryAfter ?? 'ít'} giây.`;
    default:
      return problem.status >= 500 ? 'Máy chủ gặp lỗi. Vui lòng thử lại sau.' : 'Yêu cầu không thực hiện được.';
  }
}
