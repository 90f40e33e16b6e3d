import { NotFoundException } from '@nestjs/common';
import { HttpReply } from '@civic/platform';

/**
 * A record read by its id: 404 when the read model does not hold it (yet: one just recorded appears within
 * seconds), else the record with its version as the ETag, which is the If-Match of a command that changes it.
 */
export function recordAnswer<T extends { readonly version: number }>(record: T | null, response: HttpReply, what: string): T {
  if (!record) throw new NotFoundException(`No ${what} is on record (one just recorded appears within seconds).`);
  response.header('ETag', `"${record.version}"`);
  return record;
}
