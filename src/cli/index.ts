/**
 * The `oncefill` command: `oncefill check | report | demo`. A user mistake gets a one-line
 * message and a non-zero exit, never a stack trace.
 */
import type { CliIo } from './check.js';
import { main } from './main.js';

const io: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`oncefill: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 70;
  },
);
