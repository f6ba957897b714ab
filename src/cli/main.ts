/** Dispatches `oncefill <command>`; returns the exit code. */
import { version } from '../shared/version.js';
import { check, type CliIo } from './check.js';
import { report } from './report.js';

const USAGE = `oncefill ${version}

usage:
  oncefill check <definition.json…>   check procedure definitions (schema and semantics)
  oncefill report <events.ndjson…|->  KPIs per procedure from telemetry [--processing records.csv] [--format json|csv|html] [--out file]
  oncefill --version
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return check(rest, io);
    case 'report':
      return report(rest, io);
    case '--version':
    case '-v':
      io.out(version);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE.trimEnd());
      return command === undefined ? 2 : 0;
    default:
      io.err(`oncefill: unknown command "${command}"\n${USAGE.trimEnd()}`);
      return 2;
  }
}

