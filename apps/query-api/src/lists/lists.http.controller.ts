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
import { listUnitsOf } from './list-units';
import { COMMENDATIONS_CSV, MEETINGS_CSV, MOVEMENTS_CSV } from './list-csv';
import { CsvAnswer } from '../csv/csv-answer';

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

  /** Meetings, newest first; `q` searches titles with diacritics folded. */
  @Get('meetings')
  @Access({ kind: 'read', unit: fromQuery('unitCode'), year: fromQuery('year') })
  @ApiOkResponse({ type: MeetingPageResponse })
  @CsvAnswer(MEETINGS_CSV)
  @ApiProblems(400)
  async meetings(@Query() request: MeetingListRequest): Promise<Page<MeetingListItem>> {
    const { kind, year, q, after, limit } = request;
    return listMeetings(this.pool, { ...(await listUnitsOf(this.pool, request)), kind, year, title: q, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }

  /** Commendations, newest first; `recipient` matches a name with diacritics folded. */
  @Get('commendations')
  @Access({ kind: 'read', unit: fromQuery('unitCode'), year: fromQuery('year') })
  @ApiOkResponse({ type: CommendationPageResponse })
  @CsvAnswer(COMMENDATIONS_CSV)
  @ApiProblems(400)
  async commendations(@Query() request: CommendationListRequest): Promise<Page<CommendationListItem>> {
    const { award, year, recipient, after, limit } = request;
    return listCommendations(this.pool, { ...(await listUnitsOf(this.pool, request)), award, year, recipient, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }

  /** Emulation movements, newest first; `year` gives those that ran during it, `q` searches names. */
  @Get('emulation-movements')
  @Access({ kind: 'read', unit: fromQuery('unitCode'), year: fromQuery('year') })
  @ApiOkResponse({ type: MovementPageResponse })
  @CsvAnswer(MOVEMENTS_CSV)
  @ApiProblems(400)
  async movements(@Query() request: MovementListRequest): Promise<Page<MovementListItem>> {
    const { status, year, q, after, limit } = request;
    return listMovements(this.pool, { ...(await listUnitsOf(this.pool, request)), status, year, name: q, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
  }
}
