import { Counter, Gauge, Registry } from 'prom-client';
import { SummaryCacheStatistics } from '@civic/database';

/**
 * The summary cache as Prometheus reads it, from its statistics at each scrape: answers served from it (hits) and
 * read from the database (misses), answers kept, and whether it hears the read models' changes (without them it
 * serves nothing and every answer is read afresh, counted as neither).
 */
export function registerSummaryCacheMetrics(registry: Registry, statistics: () => SummaryCacheStatistics): void {
  const registers = [registry];
  new Counter({
    name: 'summary_cache_requests_total',
    help: 'Live summary answers served from the cache (result="hit") or read from the read models and kept (result="miss")',
    labelNames: ['result'],
    registers,
    collect() {
      const { hits, misses } = statistics();
      this.reset();
      this.inc({ result: 'hit' }, hits);
      this.inc({ result: 'miss' }, misses);
    },
  });
  new Gauge({
    name: 'summary_cache_entries',
    help: 'Summary answers kept in the cache',
    registers,
    collect() {
      this.set(statistics().entries);
    },
  });
  new Gauge({
    name: 'summary_cache_listening',
    help: '1 while the cache hears read-model changes (it serves answers only then)',
    registers,
    collect() {
      this.set(statistics().listening ? 1 : 0);
    },
  });
}
