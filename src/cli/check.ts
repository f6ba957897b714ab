import { readFile } from 'node:fs/promises';
import { checkProcedure } from '../schema/check-procedure.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `oncefill check <files…>`: structural and semantic checks of procedure definitions.
 * Prints `file: json-path: message` per problem; returns the exit code (1 on any error).
 */
export async function check(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) {
    io.err('usage: oncefill check <definition.json…>');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      failed++;
      continue;
    }
    const { errors, warnings } = checkProcedure(text);
    for (const issue of errors) io.err(`${file}: ${issue.path}: ${issue.message}`);
    for (const issue of warnings) io.err(`${file}: ${issue.path}: warning: ${issue.message}`);
    if (errors.length > 0) failed++;
    else io.out(`${file}: ok${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : ''}`);
  }
  if (files.length > 1) io.out(`${files.length - failed} of ${files.length} definitions pass`);
  return failed > 0 ? 1 : 0;
}
