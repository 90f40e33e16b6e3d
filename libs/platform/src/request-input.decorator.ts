import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { HttpRequest } from './http';

/**
 * Path parameters and query string as one object, validated by one DTO, so a request with a bad code and a
 * bad year hears about both at once. Needs `validateCustomDecorators` (set by strictValidationPipe).
 */
export const PathAndQuery = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  return { ...(request.query as object), ...(request.params as object) };
});
