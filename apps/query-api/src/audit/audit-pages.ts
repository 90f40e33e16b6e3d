import { LRUCache } from 'lru-cache';
import { AuditFilter, AuditLog } from '@civic/event-store';
import { JsonAnswer } from '@civic/platform';

/** Audit pages kept at most, by their JSON's length (a page of a hundred events is about 125 kB). */
const CACHED_CHARACTERS = 64 * 1024 * 1024;

interface CachedPage {
  /** The unit's event count (AuditLog.unitEventCount) taken before the page was read. */
  readonly unitEvents: string;
  readonly answer: JsonAnswer;
}

/**
 * Audit pages of one unit, answered again without reading them while the log holds no new event of that unit in
 * their dates. Auditors and their tools page through the same ward and year again and again, and a page of a
 * hundred events costs Postgres and query-api far more than counting the unit's index entries does.
 *
 * Always current: the count is taken before the page is read, and the log only grows, so an unchanged count means
 * the unit has exactly the events it had when the page was read, however transactions commit out of position
 * order. Filters of several units (includeDescendants) or of none are read every time.
 */
export class AuditPages {
  /** Counts the erasures heard: a page opened before one and kept after it would show the erased name. */
  private erasuresHeard = 0;
  private readonly pages = new LRUCache<string, CachedPage>({ maxSize: CACHED_CHARACTERS, sizeCalculation: (page) => page.answer.json.length || 1 });

  constructor(
    private readonly log: AuditLog,
    /**
     * Opens the page's sealed names (docs/adr/0059) before it is answered or kept. A kept page shows names as they
     * were when it was read: erasing a name must also forget the pages that show it.
     */
    private readonly open: (json: string) => Promise<string> = async (json) => json,
    /** Whether pages may be kept now: not while erasures could go unheard. */
    private readonly mayKeep: () => boolean = () => true,
  ) {}

  /** Forgets every kept page: a name was erased (the pages kept show names as they were opened). */
  forgetAll(): void {
    this.erasuresHeard += 1;
    this.pages.clear();
  }

  async page(filter: AuditFilter): Promise<JsonAnswer> {
    const unitEvents = await this.log.unitEventCount(filter);
    if (unitEvents === null) return JsonAnswer.ofJson(await this.open(await this.log.pageJson(filter)));
    const key = JSON.stringify(filter);
    const cached = this.pages.get(key);
    if (cached?.unitEvents === unitEvents) return cached.answer;
    const erasuresBefore = this.erasuresHeard;
    const answer = JsonAnswer.ofJson(await this.open(await this.log.pageJson(filter)));
    if (this.mayKeep() && erasuresBefore === this.erasuresHeard) this.pages.set(key, { unitEvents, answer });
    return answer;
  }
}
