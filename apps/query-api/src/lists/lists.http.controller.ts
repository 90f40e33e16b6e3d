import { Controller, Get, Query } from '@nestjs/common';
import { Pool } from 'pg';
import {
  CommendationListItem,
  decodeCursor,
  listCommendations,
  listMeetings,
  listMovements,
  MeetingListItem,
  MovementListItem,
  Page,
  PageKey,
} from '@civic/projections';
import { InjectPool, InvalidRequest } from '@civic/platform';
import { CommendationListRequest, MeetingListRequest, MovementListRequest } from './list.request.dto';

const DEFAULT_LIMIT = 20;

function pageKey(after: string | undefined): PageKey | undefined {
  if (after === undefined) return undefined;
  const key = decodeCursor(after);
  if (!key) throw new InvalidRequest([{ field: '/after', message: 'after must be the nextCursor of a previous page' }]);
  return key;
}

/** Lists over the read models, newest first, with filters and cursor pagination. */
@Controller('v1')
export class ListsHttpController {
  constructor(@InjectPool() private readonly pool: Pool) {}

  @Get('meetings')
  meetings(@Query() { unitCode, kind, year, after, limit }: MeetingListRequest): Promise<Page<MeetingListItem>> {
    return listMeetings(this.pool, { unitCode, kind, year, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }

  @Get('commendations')
  commendations(@Query() { unitCode, award, year, recipient, after, limit }: CommendationListRequest): Promise<Page<CommendationListItem>> {
    return listCommendations(this.pool, { unitCode, award, year, recipient, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }

  @Get('emulation-movements')
  movements(@Query() { status, unitCode, after, limit }: MovementListRequest): Promise<Page<MovementListItem>> {
    return listMovements(this.pool, { status, unitCode, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }
}
