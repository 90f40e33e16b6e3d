import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UnitLevel } from '@civic/domain';
import { Access, ApiPathAndQuery, ApiProblems, fromParam, fromQuery, HttpReply, InvalidRequest, JsonAnswer, PathAndQuery, sendJsonAnswer } from '@civic/platform';
import { asOfDate } from '../time-travel/as-of.request.dto';
import { CitySeriesRequest, DistrictSeriesRequest, WardSeriesRequest } from './series.request.dto';
import { GetSeries, Series } from './series.handler';
import { SeriesResponse } from './series.response';

/** The longest range a series covers: 120 months is already more than a chart shows. */
const MAX_YEARS = 10;

/** The days a series request covers: a year, or from and to; 400 naming the field otherwise. */
export function seriesRange({ year, from, to }: { year?: number; from?: string; to?: string }): { from: string; to: string } {
  if (year !== undefined) {
    if (from || to) throw new InvalidRequest([{ field: from ? '/from' : '/to', message: 'give either year, or from and to, not both' }]);
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (!from || !to) throw new InvalidRequest([{ field: from ? '/to' : '/from', message: 'give either year, or both from and to (YYYY-MM-DD)' }]);
  if (from > to) throw new InvalidRequest([{ field: '/to', message: `to (${to}) must not be before from (${from})` }]);
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_YEARS) {
    throw new InvalidRequest([{ field: '/to', message: `a series covers at most ${MAX_YEARS} years; ask for a shorter range or by quarter in pieces` }]);
  }
  return { from, to };
}

/** Month-by-month (or quarter-by-quarter) figures of a unit, for a dashboard's trend charts. */
@ApiTags('summaries')
@Controller('v1/summaries')
export class SeriesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A ward's meetings by kind, grants by award and movements launched, per month or quarter. */
  @Get('wards/:code/series')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(WardSeriesRequest)
  @ApiOkResponse({ type: SeriesResponse })
  @ApiProblems(400, 404)
  ward(@PathAndQuery() request: WardSeriesRequest, @Res() response: HttpReply): Promise<void> {
    return this.series('COMMUNE', request, response);
  }

  /** A district's, with its wards, each fact by the hierarchy of its date. */
  @Get('districts/:code/series')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(DistrictSeriesRequest)
  @ApiOkResponse({ type: SeriesResponse })
  @ApiProblems(400, 404)
  district(@PathAndQuery() request: DistrictSeriesRequest, @Res() response: HttpReply): Promise<void> {
    return this.series('DISTRICT', request, response);
  }

  /** A city's, with everything below it, each fact by the hierarchy of its date. */
  @Get('cities/:code/series')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(CitySeriesRequest)
  @ApiOkResponse({ type: SeriesResponse })
  @ApiProblems(400, 404)
  city(@PathAndQuery() request: CitySeriesRequest, @Res() response: HttpReply): Promise<void> {
    return this.series('PROVINCE', request, response);
  }

  private series(level: UnitLevel, request: WardSeriesRequest, response: HttpReply): Promise<void> {
    const { from, to } = seriesRange(request);
    const interval = request.interval === 'quarter' ? 'QUARTER' : 'MONTH';
    return sendJsonAnswer(response, this.queryBus.execute<GetSeries, JsonAnswer<Series>>(new GetSeries(level, request.code, from, to, interval, asOfDate(request.asOf))));
  }
}
