import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { Pool } from 'pg';
import { AnchorPublisher, LogAnchoring, readAnchorSigningKey } from '@civic/event-store';
import { anchorFilePublisher, anchorMessage, createKafka, KafkaAnchorPublisher, publishingToAll, readPublishedAnchors } from '@civic/messaging';
import { ensureAnchorKey } from '@civic/local-run';

/** `anchors sign | export | keygen`: the log's signed anchors (docs/adr/0058) on demand. */
export function registerAnchorCommands(program: Command, pool: () => Pool): void {
  const anchors = program.command('anchors').description("The log's signed anchors: sign now, export the published ones, make a key");

  anchors
    .command('sign')
    .description('Sign what the log gained since the last anchor, as the relay does on its timer, and publish it (Kafka, and a file with --file)')
    .option('--key <pem>', 'the Ed25519 private key (default ANCHOR_SIGNING_KEY_FILE)')
    .option('--file <path>', 'also append the anchors to this file (default ANCHOR_FILE)')
    .action(async (options: { key?: string; file?: string }) => {
      const keyFile = options.key ?? process.env.ANCHOR_SIGNING_KEY_FILE;
      if (!keyFile) throw new Error('Give --key or set ANCHOR_SIGNING_KEY_FILE: the anchor signing key');
      const file = options.file ?? process.env.ANCHOR_FILE;
      const connection = pool();
      const kafka = new KafkaAnchorPublisher(createKafka('civic-cli-anchors'));
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

  anchors
    .command('export <file>')
    .description('Write every anchor published on Kafka to a file of JSON lines, for `verify --anchors`')
    .action(async (file: string) => {
      const published = await readPublishedAnchors(createKafka('civic-cli-anchors'));
      writeFileSync(file, published.map((signed) => `${anchorMessage(signed)}\n`).join(''));
      process.stdout.write(`${published.length} anchor(s) written to ${file}\n`);
    });

  anchors
    .command('keygen <folder>')
    .description('Make an Ed25519 anchor key pair in the folder, unless one is there (anchor-signing-key.pem, anchor-public-key.pem)')
    .option('--public <folder>', 'put the public half in this folder instead, for the services that only check anchors')
    .action((folder: string, options: { public?: string }) => {
      const key = ensureAnchorKey(folder, options.public);
      process.stdout.write(`signing key ${key.privateKeyFile} (the relay's ANCHOR_SIGNING_KEY_FILE)\npublic key  ${key.publicKeyFile} (for verify --anchor-key and query-api's ANCHOR_PUBLIC_KEY_FILE)\n`);
    });
}
