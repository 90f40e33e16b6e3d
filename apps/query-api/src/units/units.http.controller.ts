import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NamedSuccession, UnitAsOfResponse, UnitChildrenResponse, UnitSearchResponse, UnitSuccessionsResponse } from './units.response';
import { Controller, Get, NotFoundException } from '@nestjs/common';
import { Pool } from 'pg';
import { civicDateAt, dayAfter, dayBefore, UnitVersion } from '@civic/domain';
import { Succession, UnitRegistryReader } from '@civic/admin-units';
import { Access, ApiPathAndQuery, ApiProblems, InjectPool, PathAndQuery } from '@civic/platform';
import { UnitCodePath, UnitCodeRequest, UnitSearchRequest } from './units.request.dto';

/** The administrative units registry, always answered as of a date. */
@Access({ kind: 'reference' })
@ApiTags('units')
@Controller('v1/units')
export class UnitsHttpController {
  private readonly registry: UnitRegistryReader;

  constructor(@InjectPool() pool: Pool) {
    this.registry = new UnitRegistryReader(pool);
  }

  /** Units whose name matches, diacritics folded ("hang trong" finds "Hàng Trống"). */
  @Get()
  @ApiPathAndQuery(UnitSearchRequest)
  @ApiOkResponse({ type: UnitSearchResponse })
  @ApiProblems(400)
  async search(@PathAndQuery() { name, asOf }: UnitSearchRequest): Promise<{ items: (UnitVersion & { successors?: NamedSuccession[] })[] }> {
    const items = await this.registry.searchByName(name, { asOf });
    return {
      items: await Promise.all(
        items.map(async (version) => {
          if (version.validTo === null || (await this.registry.asOf(version.code, dayAfter(version.validTo)))?.name === version.name) return version;
          const next = dayAfter(version.validTo);
          const successors = (await this.registry.successors(version.code)).filter((edge) => edge.effectiveFrom === next);
          return { ...version, successors: await this.named(successors, (edge) => edge.effectiveFrom) };
        }),
      ),
    };
  }

  /** The unit that had the code on the date. */
  @Get(':code')
  @ApiPathAndQuery(UnitCodeRequest)
  @ApiOkResponse({ type: UnitAsOfResponse })
  @ApiProblems(400, 404)
  async unit(@PathAndQuery() { code, asOf }: UnitCodeRequest): Promise<UnitVersion & { asOf: string }> {
    const date = asOf ?? civicDateAt(new Date());
    const version = await this.registry.asOf(code, date);
    if (!version) throw await this.notFound(code, date);
    return { ...version, asOf: date };
  }

  /** The units directly below it on the date. */
  @Get(':code/children')
  @ApiPathAndQuery(UnitCodeRequest)
  @ApiOkResponse({ type: UnitChildrenResponse })
  @ApiProblems(400, 404)
  async children(@PathAndQuery() { code, asOf }: UnitCodeRequest): Promise<{ asOf: string; parent: UnitVersion; items: UnitVersion[] }> {
    const date = asOf ?? civicDateAt(new Date());
    const parent = await this.registry.asOf(code, date);
    if (!parent) throw await this.notFound(code, date);
    return { asOf: date, parent, items: await this.registry.childrenAsOf(code, date) };
  }

  /** The units that took its territory, and those whose territory it took. */
  @Get(':code/successors')
  @ApiPathAndQuery(UnitCodePath)
  @ApiOkResponse({ type: UnitSuccessionsResponse })
  @ApiProblems(400, 404)
  async successors(@PathAndQuery() { code }: UnitCodePath): Promise<UnitSuccessionsResponse> {
    const history = await this.registry.history(code);
    if (!history.length) throw new NotFoundException(`No unit has ever had the code ${code}.`);
    const ended = history[history.length - 1].validTo;
    const successors = await this.named(await this.registry.successors(code), (edge) => edge.effectiveFrom);
    const predecessors = await this.named(await this.registry.predecessors(code), (edge) => dayBefore(edge.effectiveFrom));
    const successorsKnown = ended === null || successors.some((edge) => edge.effectiveFrom === dayAfter(ended));
    return { code, successors, predecessors, ended, successorsKnown };
  }

  /** Each edge with the name its unit had on the day given. */
  private named(edges: readonly Succession[], dayOf: (edge: Succession) => string): Promise<NamedSuccession[]> {
    return Promise.all(edges.map(async (edge) => ({ ...edge, name: (await this.registry.asOf(edge.code, dayOf(edge)))?.name ?? null })));
  }

  /** Says whether the code is unknown, or known but not in force on that date (and when it was). */
  private async notFound(code: string, date: string): Promise<NotFoundException> {
    const history = await this.registry.history(code);
    if (!history.length) return new NotFoundException(`No unit has ever had the code ${code}.`);
    const spans = history.map((v) => `${v.name} (${v.validFrom ?? 'before the registry'} to ${v.validTo ?? 'now'})`).join('; ');
    return new NotFoundException(`No unit had the code ${code} on ${date}. It was: ${spans}.`);
  }
}
