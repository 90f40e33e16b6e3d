import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JsonAnswer } from '@civic/platform';
import { civicDateAt, dayBefore } from '@civic/domain';
import { UnitRegistryReader, withinYear } from '@civic/admin-units';
import { codesOf, Figures, readFigures, UnitSpan } from '@civic/projections';
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
  /** FULL when all of it went, through every step, into this ward; PARTIAL when only part of it did. */
  readonly coverage: 'FULL' | 'PARTIAL';
  /** The days of the year on which its facts count here: until it was merged or split (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

export interface SuccessorView extends Figures {
  readonly unitCode: string;
  readonly name: string;
  readonly year: number;
  /**
   * Every unit whose territory went, directly or through earlier mergers, into this ward and that existed during
   * the year, with its own figures up to the day it ended and how much of it the ward took.
   */
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
 * A ward seen over years before it took its present shape: the figures of the units it succeeded, each up to the
 * day it ended (kept under their own codes, since history is never re-aggregated), followed back through earlier
 * mergers (the 2025-01-01 round, then the 2025-07-01 reform), totalled, with partial ones flagged.
 */
@QueryHandler(GetSuccessorView)
export class GetSuccessorViewHandler implements IQueryHandler<GetSuccessorView, JsonAnswer<SuccessorView>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ unitCode, year, asOf }: GetSuccessorView): Promise<JsonAnswer<SuccessorView>> {
    return this.reads.read(`successors:${unitCode}:${year}:${civicDateAt(new Date())}`, asOf, async ({ sql, include }) => {
      const registry = new UnitRegistryReader(sql);
      const current = await registry.asOf(unitCode, civicDateAt(asOf ?? new Date()));
      const lineage = current ? await lineageOf(registry, unitCode) : [];
      if (!current || lineage.length === 1) {
        throw new NotFoundException(`${current?.name ?? `Code ${unitCode}`} has no predecessors in the registry; its own summary is the whole story.`);
      }
      const own = lineage[0];
      if (own.from !== null && year > Number(own.from.slice(0, 4))) throw new NotFoundException(`${current.name} existed throughout ${year}; ask for its own ward summary.`);
      await include(codesOf(lineage));
      const predecessors: PredecessorFigures[] = [];
      for (const predecessor of lineage.slice(1)) {
        const during = withinYear(predecessor, year);
        if (!during) continue;
        const versions = (await registry.duringYear(predecessor.code, year)).filter((v) => v.validFrom === null || v.validFrom <= (during.to as string));
        predecessors.push({
          code: predecessor.code,
          name: versions[versions.length - 1]?.name ?? predecessor.code,
          coverage: predecessor.coverage,
          from: during.from as string,
          to: during.to as string,
          ...(await readFigures(sql, [predecessor], year)),
        });
      }
      // In the year the ward took its shape, its own records (from its first day) belong to the view too.
      const counted = [...lineage.slice(1).filter((p) => withinYear(p, year)), ...(withinYear(own, year) ? [own] : [])];
      return {
        unitCode,
        name: current.name,
        year,
        ...(await readFigures(sql, counted, year)),
        predecessors,
        includesPartialPredecessors: predecessors.some((p) => p.coverage === 'PARTIAL' && hasFigures(p)),
        ...(asOf && { asOf: asOf.toISOString() }),
      };
    });
  }
}

interface LineageSpan extends UnitSpan {
  readonly coverage: 'FULL' | 'PARTIAL';
}

/**
 * The ward's own span (from its last reorganisation), then every predecessor's, walking the succession edges
 * back: a predecessor counts up to the day before the edge took effect, from its own last reorganisation before
 * that. A unit that kept its code (an edge from itself) appears again for its earlier shape. Coverage is partial
 * when any step on the way was.
 */
async function lineageOf(registry: UnitRegistryReader, code: string): Promise<LineageSpan[]> {
  const spans: LineageSpan[] = [];
  const walk = async (unit: string, endsBefore: string | null, coverage: LineageSpan['coverage']): Promise<void> => {
    const edges = (await registry.predecessors(unit)).filter((edge) => endsBefore === null || edge.effectiveFrom < endsBefore);
    const from = edges.length ? edges.map((edge) => edge.effectiveFrom).sort().at(-1) as string : null;
    spans.push({ code: unit, from, to: endsBefore === null ? null : dayBefore(endsBefore), coverage });
    if (spans.length > 1_000) throw new Error(`The succession edges of ${code} do not end`);
    for (const edge of edges.filter((e) => e.effectiveFrom === from)) {
      await walk(edge.code, from, coverage === 'PARTIAL' || edge.coverage === 'PARTIAL' ? 'PARTIAL' : 'FULL');
    }
  };
  await walk(code, null, 'FULL');
  // A unit split between two units that both went into this ward is reached twice: counted once, FULL if all of it
  // came by one of the paths.
  const once = new Map<string, LineageSpan>();
  for (const span of spans) {
    const key = `${span.code} ${span.from} ${span.to}`;
    const seen = once.get(key);
    if (!seen || (seen.coverage === 'PARTIAL' && span.coverage === 'FULL')) once.set(key, seen ? { ...seen, coverage: 'FULL' } : span);
  }
  return [...once.values()];
}
