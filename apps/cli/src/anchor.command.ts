import { Command } from 'commander';
import { Pool } from 'pg';
import { AnchorPublisher, LogAnchoring, readAnchorSigningKey } from '@civic/event-store';
import { anchorFilePublisher, createKafka, KafkaAnchorPublisher, publishingToAll } from '@civic/messaging';

/**
 * `anchor`: signs now what the log gained since the last anchor, as the relay does on its timer (docs/adr/0058),
 * and publishes it to the anchors' Kafka topic and, with --file, to a file of JSON lines.
 */
export function registerAnchorCommand(program: Command, pool: () => Pool): void {
  program
    .command('anchor')
    .description('Sign and publish an anchor of the log now (Kafka, and a file with --file)')
    .option('--key <pem>', 'the Ed25519 private key (default ANCHOR_SIGNING_KEY_FILE)')
    .option('--file <path>', 'also append the anchors to this file (default ANCHOR_FILE)')
    .action(async (options: { key?: string; file?: string }) => {
      const keyFile = options.key ?? process.env.ANCHOR_SIGNING_KEY_FILE;
      if (!keyFile) throw new Error('Give --key or set ANCHOR_SIGNING_KEY_FILE: the anchor signing key');
      const file = options.file ?? process.env.ANCHOR_FILE;
      const connection = pool();
      const kafka = new KafkaAnchorPublisher(createKafka('civic-cli-anchor'));
      try {
        await kafka.connect();
        const publishers: AnchorPublisher[] = [kafka.publish, ...(file ? [anchorFilePublisher(file)] : [])];
        const made = await new LogAnchoring(connection, readAnchorSigningKey(keyFile)).anchorPending(publishingToAll(publishers));
        const last = made[made.length - 1]?.anchor;
        process.stdout.write(
          last
            ? `signed ${made.length} anchor(s) of ${made.reduce((n, s) => n + s.anchor.events.length, 0)} events; the log is anchored up to position ${last.upTo.position} (anchor ${last.sequence})\n`
            : 'nothing to anchor: every event the log can give is already anchored\n',
        );
      } finally {
        await kafka.disconnect();
        await connection.end();
      }
    });
}
