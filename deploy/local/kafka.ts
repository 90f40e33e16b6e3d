import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Log } from './log';
import { cacheDir, killStale, ManagedProcess, run, startProcess, freePort, portIsOpen, waitUntil } from '../../libs/local-run/src';

/**
 * Pinned: the 4.1 line, which the Strimzi release in deploy/k8s runs. kafkajs 2.2.4 uses protocol versions Kafka 4
 * still serves (KIP-896 removed only older ones); the whole suite runs against it (docs/adr/0056).
 */
export const KAFKA_VERSION = '4.1.2';
/** Kafka 4 logs through Log4j 2 and leaves the implementation to the application, as 3.x did with reload4j. */
const LOG4J2_VERSION = '2.24.3';
const SCALA_VERSION = '2.13';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies';

export interface KafkaBroker {
  readonly brokers: string[];
  readonly origin: 'KAFKA_BROKERS' | 'local broker';
  stop(): Promise<void>;
  /** Sends a signal to a broker this project started (SIGSTOP pauses it, SIGCONT resumes it); not to KAFKA_BROKERS. */
  signal(signal: NodeJS.Signals): void;
}

export interface LocalKafkaOptions {
  /** Where the broker keeps its log segments; wiped when `fresh` is set. */
  stateDir: string;
  /** Fixed ports for `npm start`; tests take free ones. */
  brokerPort?: number;
  controllerPort?: number;
  fresh?: boolean;
}

export async function provisionKafka(log: Log, options: LocalKafkaOptions): Promise<KafkaBroker> {
  const fromEnv = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);
  if (fromEnv?.length) {
    await waitForBroker(fromEnv, 30_000);
    log(`using KAFKA_BROKERS (${fromEnv.join(',')})`);
    return {
      brokers: fromEnv,
      origin: 'KAFKA_BROKERS',
      stop: async () => undefined,
      signal: () => {
        throw new Error('a broker named by KAFKA_BROKERS is not this project’s to signal');
      },
    };
  }
  return startLocalBroker(log, options);
}

/** Resolves the broker's runtime classpath from Maven Central once, into a cache shared by every clone. */
export async function fetchKafkaJars(log: Log): Promise<string> {
  const home = join(cacheDir(), 'kafka', `${SCALA_VERSION}-${KAFKA_VERSION}`);
  const libs = join(home, 'libs');
  const complete = join(home, '.complete');
  if (existsSync(complete)) return libs;
  log(`fetching Apache Kafka ${KAFKA_VERSION} from Maven Central into ${home}`);
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'pom.xml'), kafkaPom());
  await run('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', join(home, 'pom.xml'), DEPENDENCY_PLUGIN, '-DincludeScope=runtime', `-DoutputDirectory=${libs}`]);
  if (!readdirSync(libs).some((jar) => jar.startsWith(`kafka_${SCALA_VERSION}-${KAFKA_VERSION}`))) {
    throw new Error(`Maven finished but ${libs} holds no kafka_${SCALA_VERSION}-${KAFKA_VERSION} jar`);
  }
  writeFileSync(complete, new Date().toISOString());
  return libs;
}

/** Starts a broker of this project's own, whatever KAFKA_BROKERS says (the chaos suite pauses and restarts it). */
export async function startLocalBroker(log: Log, options: LocalKafkaOptions): Promise<KafkaBroker> {
  const libs = await fetchKafkaJars(log);
  const brokerPort = options.brokerPort ?? (await freePort());
  const controllerPort = options.controllerPort ?? (await freePort());
  const brokers = [`127.0.0.1:${brokerPort}`];
  const pidFile = join(options.stateDir, 'kafka.pid');
  mkdirSync(options.stateDir, { recursive: true });
  killStale(pidFile);
  if (await portIsOpen(brokerPort)) {
    throw new Error(`Port ${brokerPort} is taken by something that is not this project's broker; set KAFKA_BROKERS or free it`);
  }

  const dataDir = join(options.stateDir, 'data');
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  const configFile = join(options.stateDir, 'server.properties');
  const log4jFile = join(options.stateDir, 'log4j2.properties');
  writeFileSync(configFile, serverProperties(dataDir, brokerPort, controllerPort));
  writeFileSync(log4jFile, LOG4J_PROPERTIES);
  const java = (mainClass: string, ...args: string[]) => [
    '-Xms256m',
    '-Xmx768m',
    `-Dlog4j2.configurationFile=${log4jFile}`,
    '-cp',
    join(libs, '*'),
    mainClass,
    ...args,
  ];

  if (!existsSync(join(dataDir, 'meta.properties'))) {
    await run('java', java('kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId()}`, '-c', configFile, '--ignore-formatted'), {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  log(`starting Apache Kafka ${KAFKA_VERSION} (KRaft) on ${brokers[0]}`);
  const broker: ManagedProcess = startProcess('kafka', 'java', java('kafka.Kafka', configFile), {
    logFile: join(options.stateDir, 'kafka.log'),
    pidFile,
  });
  try {
    await waitForBroker(brokers, 90_000, () => broker.exited());
  } catch (error) {
    await broker.kill();
    throw error;
  }
  log('Kafka is ready');
  return {
    brokers,
    origin: 'local broker',
    stop: () => broker.stop(30_000),
    signal: (signal) => {
      if (broker.child.pid && !broker.exited()) process.kill(-broker.child.pid, signal);
    },
  };
}

/** Ready means the broker answers a cluster description and has a controller, as kafkajs sees it. */
export async function waitForBroker(brokers: string[], timeoutMs: number, hasDied: () => boolean = () => false): Promise<void> {
  const admin = new Kafka({ clientId: 'civic-provisioner', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await waitUntil(
      `Kafka at ${brokers.join(',')}`,
      async () => {
        if (hasDied()) throw new Error('the broker process exited; see its kafka.log');
        await admin.connect();
        const cluster = await admin.describeCluster();
        return cluster.controller !== null && cluster.brokers.length > 0;
      },
      { timeoutMs, intervalMs: 500 },
    );
  } finally {
    await admin.disconnect();
  }
}

function clusterId(): string {
  // A KRaft cluster id is 16 random bytes in URL-safe base64 without padding.
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
}

function serverProperties(dataDir: string, brokerPort: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${dataDir}`,
    // Single node: internal topics must not ask for more replicas than exist, or group coordination hangs.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=5',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are created explicitly with their partition count; a typo must not create a new one.
    'auto.create.topics.enable=false',
    'num.partitions=3',
    '',
  ].join('\n');
}

const LOG4J_PROPERTIES = [
  'status = warn',
  'appender.stdout.type = Console',
  'appender.stdout.name = stdout',
  'appender.stdout.layout.type = PatternLayout',
  'appender.stdout.layout.pattern = [%d] %p %m (%c)%n',
  'rootLogger.level = warn',
  'rootLogger.appenderRef.stdout.ref = stdout',
  '',
].join('\n');

function kafkaPom(): string {
  const dependency = (groupId: string, artifactId: string, version: string) =>
    `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by civic-records deploy/local/kafka.ts: the runtime classpath of a single-node Kafka broker. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>civic-records.local</groupId>
  <artifactId>kafka-broker-runtime</artifactId>
  <version>${KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
${dependency('org.apache.kafka', `kafka_${SCALA_VERSION}`, KAFKA_VERSION)}
    <!-- The published pom leaves the logging implementation out; the distribution ships Log4j 2 with its SLF4J binding. -->
${dependency('org.apache.logging.log4j', 'log4j-core', LOG4J2_VERSION)}
${dependency('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J2_VERSION)}
  </dependencies>
</project>
`;
}
