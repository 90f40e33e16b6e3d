import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const manifests = join(repoRoot, 'deploy', 'k8s');

/** The validator as an operator runs it (`npm run k8s:validate`): the models are ES modules, which tsx loads. */
function validate(folder: string) {
  return spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(manifests, 'validate-manifests.ts'), folder], { cwd: repoRoot, encoding: 'utf8' });
}

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('are valid against the Kubernetes, Strimzi, CloudNativePG and Prometheus Operator schemas, and hold together', () => {
    const result = validate(manifests);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    for (const kind of ['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Kafka', 'KafkaTopic', 'KafkaUser', 'Cluster', 'ServiceMonitor', 'PrometheusRule', 'Job']) {
      expect(result.stdout).toContain(kind);
    }
  });

  it('give operators a dashboard of readiness and lag whose every query reads a metric the services export', () => {
    const dashboard = JSON.parse((readFileSync(join(manifests, 'grafana-dashboard.yaml'), 'utf8').split('civic-records.json: |\n')[1] ?? '').replace(/^ {4}/gm, '')) as { panels: { title: string; targets: { expr: string }[] }[] };
    const queries = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)).join('\n');
    expect(queries).toContain('kafka_consumergroup_lag');
    expect(queries).toContain('kube_pod_container_status_ready');
    expect(queries).toContain('relay_log_head_position');
  });

  it('are refused, every problem named, when a field breaks its schema, a probe is missing, or the settings disagree', () => {
    const broken = mkdtempSync(join(tmpdir(), 'civic-k8s-broken-'));
    try {
      cpSync(manifests, broken, { recursive: true });
      const edit = (file: string, from: string | RegExp, to: string) => writeFileSync(join(broken, file), readFileSync(join(broken, file), 'utf8').replace(from, to));
      edit('kafka.yaml', /^ {2}replicas: 3$/m, '  replicas: three');
      edit('query-api.yaml', /readinessProbe:[\s\S]*?failureThreshold: 2\n/, '');
      edit('config.yaml', 'KAFKA_TOPIC_MIN_INSYNC_REPLICAS: "2"', 'KAFKA_TOPIC_MIN_INSYNC_REPLICAS: "5"');
      edit('projector.yaml', 'replicas: 3', 'replicas: 8');
      edit('grafana-dashboard.yaml', 'max(relay_events_held_back)', 'max(relay_events_kept_back)');
      const result = validate(broken);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('KafkaNodePool dual-role: data/spec/replicas must be integer');
      expect(result.stderr).toContain('query-api: container query-api lacks a liveness or readiness probe');
      expect(result.stderr).toContain('KAFKA_TOPIC_MIN_INSYNC_REPLICAS: must not exceed KAFKA_TOPIC_REPLICATION_FACTOR');
      expect(result.stderr).toContain('civic.meetings.v1: 6 partitions for 8 projectors');
      expect(result.stderr).toContain('panel "The log not yet on Kafka" reads relay_events_kept_back, which no service exports');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
