import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JsonAnswer } from '@civic/platform';
import { civicDateAt } from '@civic/domain';
import { UnitRegistryReader } from '@civic/admin-units';
import { Figures, readFigures } from '@civic/projections';
import { SummaryReads } from '../summary-cache/summary-reads';

export class GetSuccessorView {
  constructor(
    readonly unitCode: string,
    readonly year: number,
    /** Answer as the view stood at this moment; the live read models when absent. */
    readonly asOf?: Date,
  ) {}
}

export interface PredecessorFigures extends Figures {
  readonly code: string;
  readonly name: string;
  readonly coverage: 'FULL' | 'PARTIAL';
}

export interface SuccessorView extends Figures {
  readonly unitCode: string;
  readonly name: string;
  readonly year: number;
  /** Each predecessor's own figures for the year, with how much of it the ward took. */
  readonly predecessors: readonly PredecessorFigures[];
  /**
   * True when some figures come from a predecessor only part of which went to this ward: they cannot be split
   * without street-level detail, so the totals overstate what happened within today's boundary.
   */
  readonly includesPartialPredecessors: boolean;
  /** Present when the view was asked as of a moment. */
  readonly asOf?: string;
}

const hasFigures = (f: Figures) => f.meetings.total + f.commendations.grants + f.commendations.revoked + f.movements.active > 0;

/**
 * A ward created by the 2025-07-01 reform, seen over earlier years: the figures of the units it succeeded
 * (kept under their own codes, since history is never re-aggregated), totalled, with partial ones flagged.
 */
@QueryHandler(GetSuccessorView)
export class GetSuccessorViewHandler implements IQueryHandler<GetSuccessorView, JsonAnswer<SuccessorView>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ unitCode, year, asOf }: GetSuccessorView): Promise<JsonAnswer<SuccessorView>> {
    return this.reads.read(`successors:${unitCode}:${year}:${civicDateAt(new Date())}`, asOf, async ({ sql, include }) => {
      const registry = new UnitRegistryReader(sql);
      const current = await registry.asOf(unitCode, civicDateAt(asOf ?? new Date()));
      const edges = await registry.predecessors(unitCode);
      if (!current || !edges.length) {
        throw new NotFoundException(`${current?.name ?? `Code ${unitCode}`} has no predecessors in the registry; its own summary is the whole story.`);
      }
      const reformYear = Math.max(...edges.map((e) => Number(e.effectiveFrom.slice(0, 4))));
      if (year > reformYear) throw new NotFoundException(`${current.name} existed throughout ${year}; ask for its own ward summary.`);
      // In the reform year itself the ward's own records (from its first day) belong to the view too.
      await include([...edges.map((e) => e.code), unitCode]);
      const predecessors: PredecessorFigures[] = [];
      for (const edge of edges) {
        const versions = await registry.duringYear(edge.code, year);
        if (!versions.length) continue;
        predecessors.push({ code: edge.code, name: versions[0].name, coverage: edge.coverage, ...(await readFigures(sql, [edge.code], year)) });
      }
      const codes = [...new Set([...predecessors.map((p) => p.code), ...(year === reformYear ? [unitCode] : [])])];
      return {
        unitCode,
        name: current.name,
        year,
        ...(await readFigures(sql, codes, year)),
        predecessors,
        includesPartialPredecessors: predecessors.some((p) => p.coverage === 'PARTIAL' && hasFigures(p)),
        ...(asOf && { asOf: asOf.toISOString() }),
      };
    });
  }
}
