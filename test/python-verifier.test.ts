import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../scripts/shared-data.js';

// An independent verifier, written in Python from docs/protocol.md alone, must agree with
// the RFC 8785 reference files and with every case of docs/test-vectors.

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const verifier = join(repoRoot, 'verifiers', 'python', 'oncefill_verify.py');
const vectorsDir = join(repoRoot, 'docs', 'test-vectors');


function requirePython(): void {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'python3 is required to run the Python verifier (CI installs it): ' +
        (probe.error?.message ?? probe.stderr),
    );
  }
}

function runVerifier(vectors: string) {
  requirePython();
  const result = spawnSync(
    'python3',
    [verifier, '--jcs', sharedData('jcs-testdata'), '--vectors', vectors],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  return result;
}

describe('Python verifier written from docs/protocol.md', () => {
  it('passes every RFC 8785 reference file and every provenance test vector', () => {
    const result = runVerifier(vectorsDir);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/^FAIL /m);
    expect(result.stdout).toMatch(/^summary: \d+ passed, 0 failed$/m);
    expect(result.status).toBe(0);
  });

  it('reports altered-locked-value and exits non-zero when a locked submitted value is changed', () => {
    const doc = JSON.parse(readFileSync(join(vectorsDir, 'provenance.json'), 'utf8'));
    const example = doc.verifications.find(
      (v: { name: string }) => v.name === 'worked-example',
    );
    expect(example.submission.values.employerCode).toBe('0101234567');
    // Keep the expected report (all verified) so the verifier's own finding shows as a mismatch.
    example.submission.values.employerCode = '0101234568';

    const dir = mkdtempSync(join(tmpdir(), 'oncefill-pyverifier-'));
    try {
      writeFileSync(join(dir, 'provenance.json'), JSON.stringify(doc));
      const result = runVerifier(dir);
      const failures = result.stdout.split('\n').filter((line) => line.startsWith('FAIL '));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toContain('provenance/verifications/worked-example:');
      expect(failures[0]).toContain(
        'got problems [{"code":"altered-locked-value","path":"employerCode"}], expected []',
      );
      expect(result.stdout).toMatch(/^summary: \d+ passed, 1 failed$/m);
      expect(result.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
