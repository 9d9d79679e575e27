import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildBriefJson } from '../briefs.ts';
import { makeAssignment, makeRecord } from '../store/test-fixtures.ts';
import type { StorySummary } from '../model.ts';
import { BriefThread } from './brief-thread.ts';

describe('BriefThread', () => {
  it('builds on its thread the same brief as the main thread, and refuses work once closed', async () => {
    const articles = ['mill-1', 'mill-2'].map((id) => ({ record: makeRecord({ id }), assignment: makeAssignment(id, 'story-mill') }));
    const summary: StorySummary = { id: 'story-mill', title: 'Mill', articles: 2, outlets: ['Harbor Ledger'], first_seen: '2031-04-02', last_seen: '2031-04-02' };
    const thread = new BriefThread();
    try {
      assert.equal(await thread.build(summary, articles), await buildBriefJson(summary, articles));
    } finally {
      await thread.close();
    }
    await assert.rejects(thread.build(summary, articles), /closed/);
  });
});
