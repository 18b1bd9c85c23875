import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiReports } from '../../scripts/api-report.mjs';

// Reads the declarations `npm test` builds just before it (alone: `npm run build` first).
describe('the API report', () => {
  it('is, entry by entry, what the built declarations export, with every type', { timeout: 120_000 }, async () => {
    const reports = await apiReports();
    for (const { report, generated, committed } of reports) {
      expect(generated, `${path.relative(process.cwd(), report)} is stale: \`npm run api:update\` rewrites it`).toBe(committed);
    }
  });
});
