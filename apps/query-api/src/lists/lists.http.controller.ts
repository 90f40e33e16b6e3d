import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommendationPageResponse, MeetingPageResponse, MovementPageResponse } from './lists.response';
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
import { Access, ApiProblems, fromQuery, InjectPool, InvalidRequest } from '@civic/platform';
import { CommendationListRequest, MeetingListRequest, MovementListRequest } from './list.request.dto';

const DEFAULT_LIMIT = 20;

export function pageKey(after: string | undefined): PageKey | undefined {
  if (after === undefined) return undefined;
  const key = decodeCursor(after);
  if (!key) throw new InvalidRequest([{ field: '/after', message: 'after must be the nextCursor of a previous page' }]);
  return key;
}

/** Lists over the read models, newest first, with filters and cursor pagination. */
@ApiTags('lists')
@Controller('v1')
export class ListsHttpController {
  constructor(@InjectPool() private readonly pool: Pool) {}

  /** Meetings, newest first. */
  @Get('meetings')
  @Access({ kind: 'read', unit: fromQuery('unitCode'), year: fromQuery('year') })
  @ApiOkResponse({ type: MeetingPageResponse })
  @ApiProblems(400)
  meetings(@Query() { unitCode, kind, year, after, limit }: MeetingListRequest): Promise<Page<MeetingListItem>> {
    return listMeetings(this.pool, { unitCode, kind, year, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }

  /** Commendations, newest first; `recipient` matches a name with diacritics folded. */
  @Get('commendations')
  @Access({ kind: 'read', unit: fromQuery('unitCode'), year: fromQuery('year') })
  @ApiOkResponse({ type: CommendationPageResponse })
  @ApiProblems(400)
  commendations(@Query() { unitCode, award, year, recipient, after, limit }: CommendationListRequest): Promise<Page<CommendationListItem>> {
    return listCommendations(this.pool, { unitCode, award, year, recipient, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }

  /** Emulation movements, newest first. */
  @Get('emulation-movements')
  @Access({ kind: 'read', unit: fromQuery('unitCode') })
  @ApiOkResponse({ type: MovementPageResponse })
  @ApiProblems(400)
  movements(@Query() { status, unitCode, after, limit }: MovementListRequest): Promise<Page<MovementListItem>> {
    return listMovements(this.pool, { status, unitCode, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }
}
