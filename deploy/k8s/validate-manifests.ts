import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { allTopics, logAnchorTopic } from '../../libs/messaging/src/topics';
import { checkConfig, ConfigurationInvalid } from '../../libs/platform/src/config/check-config';
import { ensureAnchorKey } from '../../libs/local-run/src/anchor-key';
import { RecordsApiEnvironment } from '../../apps/records-api/src/records-api.environment';
import { QueryApiEnvironment } from '../../apps/query-api/src/query-api.environment';
import { EventRelayEnvironment } from '../../apps/event-relay/src/event-relay.environment';
import { ProjectorEnvironment } from '../../apps/projector/src/projector.environment';

/**
 * `npm run k8s:validate [folder]`: every manifest of deploy/k8s against the Kubernetes schemas and the custom
 * resources' (Strimzi, CloudNativePG, Prometheus Operator; kubernetes-models), then what a schema cannot see: each
 * Deployment probed, bounded, covered by a Service and a PodDisruptionBudget; the APIs scaled; the contract topics
 * all declared, with no more projectors than partitions; the monitors selecting the services; the alerts an
 * operator needs; and each service's settings accepted by its configuration schema. Exit code 1 names every problem.
 */

/** Where each API group's models are (kubernetes-models and its third-party packages). */
const MODELS: Record<string, string> = {
  '': 'kubernetes-models',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com',
};

const SCHEMAS: Record<string, new () => object> = { 'records-api': RecordsApiEnvironment, 'query-api': QueryApiEnvironment, 'event-relay': EventRelayEnvironment, projector: ProjectorEnvironment };
const SCALED = ['records-api', 'query-api'];
const REQUIRED_ALERTS = ['CivicReadModelsFallingBehind', 'CivicEventsNotReachingKafka', 'CivicEventsHeldBack', 'CivicServiceNotReady', 'CivicServerErrors', 'CivicLogNotAnchored'];

interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; labels?: Record<string, string> };
  readonly spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly data?: Record<string, string>;
  readonly file: string;
}

async function schemaProblems(manifest: Manifest): Promise<string[]> {
  const [group, version] = manifest.apiVersion.includes('/') ? manifest.apiVersion.split('/') : ['', manifest.apiVersion];
  const base = MODELS[group] ?? `kubernetes-models/${group}`;
  const models = (await import(`${base}/${version}/${manifest.kind}`).catch(() => undefined)) as Record<string, new (data: unknown) => { validate(): void }> | undefined;
  const Model = models?.[manifest.kind];
  if (!Model) return [`${manifest.file}: no schema known for ${manifest.apiVersion} ${manifest.kind}`];
  const { file: _file, ...resource } = manifest;
  try {
    new Model(resource).validate();
    return [];
  } catch (error) {
    return [`${manifest.file}: ${manifest.kind} ${manifest.metadata.name}: ${(error as Error).message}`];
  }
}

function load(folder: string): { manifests: Manifest[]; problems: string[] } {
  const kustomization = parseAllDocuments(readFileSync(join(folder, 'kustomization.yaml'), 'utf8'))[0].toJSON() as { resources: string[]; labels?: { pairs: Record<string, string> }[] };
  const problems: string[] = [];
  const files = readdirSync(folder).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
  for (const file of files) if (!kustomization.resources.includes(file)) problems.push(`${file} is not listed in kustomization.yaml`);
  const pairs = Object.assign({}, ...(kustomization.labels ?? []).map((label) => label.pairs)) as Record<string, string>;
  const manifests = kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(join(folder, file), 'utf8')).map((document) => {
      for (const error of document.errors) problems.push(`${file}: ${error.message}`);
      const manifest = { ...(document.toJSON() as Omit<Manifest, 'file'>), file };
      // As kustomize's labels transformer does: the common labels on every resource.
      return { ...manifest, metadata: { ...manifest.metadata, labels: { ...pairs, ...manifest.metadata?.labels } } };
    }),
  );
  return { manifests, problems };
}

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Boolean(selector) && Object.entries(selector!).every(([key, value]) => labels?.[key] === value);

function deploymentProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const of = (kind: string) => manifests.filter((m) => m.kind === kind);
  for (const deployment of of('Deployment')) {
    const name = deployment.metadata.name;
    const labels = deployment.spec.template.metadata.labels;
    for (const container of deployment.spec.template.spec.containers) {
      if (!container.livenessProbe || !container.readinessProbe) problems.push(`${name}: container ${container.name} lacks a liveness or readiness probe`);
      if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory || !container.resources?.limits?.memory) problems.push(`${name}: container ${container.name} lacks CPU and memory requests or a memory limit`);
    }
    if (!of('Service').some((service) => selects(service.spec.selector, labels))) problems.push(`${name}: no Service selects its pods`);
    if (!of('PodDisruptionBudget').some((pdb) => selects(pdb.spec.selector.matchLabels, labels))) problems.push(`${name}: no PodDisruptionBudget covers it`);
    if (SCALED.includes(name) && !of('HorizontalPodAutoscaler').some((hpa) => hpa.spec.scaleTargetRef.name === name)) problems.push(`${name}: not scaled horizontally`);
  }
  return problems;
}

function kafkaProblems(manifests: readonly Manifest[]): string[] {
  const topics = manifests.filter((m) => m.kind === 'KafkaTopic');
  const declared = topics.map((topic) => topic.metadata.name).sort();
  const contract = [...allTopics(''), logAnchorTopic('')].sort();
  const problems = JSON.stringify(declared) === JSON.stringify(contract) ? [] : [`KafkaTopics ${declared.join(', ')} are not the contract's topics ${contract.join(', ')}`];
  const projectors = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'projector')?.spec.replicas ?? 0;
  for (const topic of topics) {
    if (topic.metadata.name === logAnchorTopic('')) {
      if (topic.spec.partitions !== 1) problems.push(`${topic.metadata.name}: ${topic.spec.partitions} partitions; the anchors must stay in order on one`);
    } else if (topic.spec.partitions < projectors) problems.push(`${topic.metadata.name}: ${topic.spec.partitions} partitions for ${projectors} projectors (some would have nothing to do)`);
    const minInsync = Number(topic.spec.config?.['min.insync.replicas'] ?? 1);
    if (topic.spec.replicas <= minInsync) problems.push(`${topic.metadata.name}: ${topic.spec.replicas} replicas with min.insync.replicas ${minInsync} stops writes when one broker is down`);
  }
  return problems;
}

function monitoringProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const monitor = manifests.find((m) => m.kind === 'ServiceMonitor');
  for (const service of manifests.filter((m) => m.kind === 'Service')) {
    if (!monitor || !selects(monitor.spec.selector.matchLabels, service.metadata.labels)) problems.push(`Service ${service.metadata.name}: no ServiceMonitor scrapes it`);
  }
  const alerts = manifests.filter((m) => m.kind === 'PrometheusRule').flatMap((rule) => rule.spec.groups.flatMap((group: { rules: { alert?: string }[] }) => group.rules.map((r) => r.alert)));
  for (const alert of REQUIRED_ALERTS) if (!alerts.includes(alert)) problems.push(`no alert ${alert}`);
  return problems;
}

/** PromQL's own words: functions, aggregations and keywords, which are not metrics. */
const PROMQL_WORDS = new Set(['sum', 'max', 'min', 'avg', 'count', 'rate', 'increase', 'irate', 'histogram_quantile', 'time', 'absent', 'vector', 'or', 'and', 'unless', 'by', 'without', 'on', 'ignoring', 'offset', 'bool']);
/** Metrics of the cluster's own exporters that the dashboard reads beside the services' (kube-state-metrics). */
const CLUSTER_METRICS = new Set(['kube_pod_container_status_ready']);

/** The metric names a PromQL expression reads: what is left once label matchers, groupings, ranges and words are taken out. */
export function metricsOf(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  return [...new Set((bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((word) => !PROMQL_WORDS.has(word)))];
}

/** The metrics docs/operations.md lists (its table's first column), by name; `process_*`-style rows as prefixes. */
function documentedMetrics(): { names: Set<string>; prefixes: string[] } {
  const operations = readFileSync(resolve(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
  const cells = [...operations.matchAll(/^\| (.+?) \|/gm)].flatMap((row) => [...row[1].matchAll(/`([a-z_:*]+)[^`]*`/g)].map((m) => m[1]));
  return { names: new Set(cells.filter((cell) => !cell.endsWith('*'))), prefixes: cells.filter((cell) => cell.endsWith('*')).map((cell) => cell.slice(0, -1)) };
}

/** Each Grafana dashboard parses, and every query reads metrics that exist: documented ones, or the cluster's. */
function dashboardProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const documented = documentedMetrics();
  const known = (metric: string) => {
    const base = metric.replace(/_(bucket|count|sum)$/, '');
    return CLUSTER_METRICS.has(metric) || documented.names.has(metric) || documented.names.has(base) || documented.prefixes.some((prefix) => metric.startsWith(prefix));
  };
  const dashboards = manifests.filter((m) => m.kind === 'ConfigMap' && m.metadata.labels?.grafana_dashboard);
  if (!dashboards.length) problems.push('no Grafana dashboard (a ConfigMap labelled grafana_dashboard)');
  for (const map of dashboards) {
    for (const [file, text] of Object.entries(map.data ?? {})) {
      let dashboard: { panels?: { title?: string; targets?: { expr?: string }[] }[] };
      try {
        dashboard = JSON.parse(text);
      } catch (error) {
        problems.push(`${map.metadata.name}/${file}: not JSON (${(error as Error).message})`);
        continue;
      }
      for (const panel of dashboard.panels ?? []) {
        for (const target of panel.targets ?? []) {
          for (const metric of metricsOf(target.expr ?? '')) if (!known(metric)) problems.push(`${map.metadata.name}/${file}: panel "${panel.title}" reads ${metric}, which no service exports (docs/operations.md)`);
        }
      }
    }
  }
  return problems;
}

/** Each service's environment as its pod gets it, checked by the service's own schema (secrets and files stand in). */
function settingsProblems(manifests: readonly Manifest[]): string[] {
  const config = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'civic-config')?.data ?? {};
  const standIns = mkdtempSync(join(tmpdir(), 'civic-k8s-'));
  const standIn = join(standIns, 'mounted-file');
  writeFileSync(standIn, 'mounted in the pod');
  // A key file must hold a key of the right kind to be accepted.
  const anchorKeyStandIn = ensureAnchorKey(standIns).privateKeyFile;
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name);
    if (!deployment) {
      problems.push(`no Deployment of ${name}`);
      continue;
    }
    const env: Record<string, string> = { ...config };
    for (const variable of deployment.spec.template.spec.containers[0].env ?? []) env[variable.name] = variable.value ?? (variable.valueFrom?.secretKeyRef ? secretStandIn(variable.name) : '');
    for (const [key, value] of Object.entries(env)) if (key.endsWith('_FILE') && value.startsWith('/')) env[key] = key.startsWith('ANCHOR_') ? anchorKeyStandIn : standIn;
    try {
      checkConfig(schema, env);
    } catch (error) {
      if (!(error instanceof ConfigurationInvalid)) throw error;
      problems.push(`${name}: ${error.message}`);
    }
  }
  return problems;
}

/** A value of the shape the secret will hold. */
const secretStandIn = (variable: string) =>
  variable === 'DATABASE_URL' ? 'postgresql://civic:secret@civic-postgres-rw:5432/civic_records' : variable === 'PERSONAL_DATA_MASTER_KEY' ? Buffer.alloc(32).toString('base64') : 'secret';

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? join(__dirname));
  const { manifests, problems } = load(folder);
  for (const manifest of manifests) problems.push(...(await schemaProblems(manifest)));
  problems.push(...deploymentProblems(manifests), ...kafkaProblems(manifests), ...monitoringProblems(manifests), ...dashboardProblems(manifests), ...settingsProblems(manifests));
  const kinds = [...new Set(manifests.map((m) => m.kind))].sort();
  if (problems.length) {
    process.stderr.write(`${problems.length} problems in ${folder}:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${manifests.length} resources valid (${kinds.join(', ')})\n`);
}

void main();
