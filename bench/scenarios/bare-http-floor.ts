import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A process that answers every request with the bytes of one file, as JSON in the given encoding: HTTP on Node and nothing else. */
const BARE_SERVER = `
const body = require('node:fs').readFileSync(process.argv[1]);
const encoding = process.argv[2] ? { 'content-encoding': process.argv[2] } : {};
const server = require('node:http').createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, ...encoding });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/**
 * The machine's own floor for answering readers: the same bytes a service answers, served by a bare Node HTTP
 * server in its own process (as the service runs in its own), encoded as the service sent them. What a service costs above this is its framework
 * and its work, not the machine.
 */
export async function withBareHttpServer<T>(body: Buffer, contentEncoding: string | undefined, measure: (url: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'civic-bare-http-'));
  const file = join(directory, 'answer.json');
  writeFileSync(file, body);
  const server = spawn(process.execPath, ['-e', BARE_SERVER, file, contentEncoding ?? ''], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [port] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
    return await measure(`http://127.0.0.1:${port.trim()}/`);
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
    rmSync(directory, { recursive: true, force: true });
  }
}
