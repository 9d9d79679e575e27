/**
 * Attribution on the two reference pages in ../shared/seeds (real pages, read at test time only; their text
 * is never copied here). The article body is the page's prose lines (at least BODY_MIN_WORDS words).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Claim } from '../model.ts';
import { annotate } from './index.ts';

const SEEDS = process.env.CROSSCHECK_SEEDS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');
const MISSING = existsSync(SEEDS) ? false : `no seed pages at ${SEEDS}`;
/** Navigation and captions are short lines; the body is prose. */
const BODY_MIN_WORDS = 12;

function bodyClaims(prefix: string): { text: string; claims: Claim[] } {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix}* missing`);
  const lines = readFileSync(join(SEEDS, file), 'utf8').split('\n');
  const text = lines.filter((l) => (l.match(/\S+/g) ?? []).length >= BODY_MIN_WORDS).join('\n\n');
  return { text, claims: annotate(text, { referenceDate: '2024-11-29' }).claims };
}

/** The claim whose cue is or ends in `cue` ("indicated" / "also indicated", as PolNeAR cues take adverbs) and whose sentence holds `near`. */
function find(claims: Claim[], cue: string, near: string): Claim {
  const wanted = cue.toLowerCase();
  const claim = claims.find((c) => {
    const found = c.cue?.text.toLowerCase() ?? '';
    return (found === wanted || found.endsWith(` ${wanted}`)) && c.text.includes(near);
  });
  assert.ok(claim, `no claim with cue "${cue}" near "${near}": ${JSON.stringify(claims.filter((c) => c.cue).map((c) => [c.cue?.text, c.source?.text]))}`);
  return claim;
}
const via = (c: Claim) => c.source?.via?.map((v) => [v.canonical ?? v.text, v.kind]) ?? [];

test('seeds: every attribution of page 000 with its kind and relay chain', { skip: MISSING }, () => {
  const { claims } = bodyClaims('000_');
  const ministry = find(claims, 'according to', 'greeted');
  assert.deepEqual([ministry.source?.text, ministry.source?.kind], ['the Russian Defense Ministry', 'institution']);
  const added = find(claims, 'added', 'participate');
  assert.deepEqual([added.source?.text, added.source?.kind, added.source?.canonical], ['it', 'institution', ministry.source?.canonical]);
  const staff = find(claims, 'indicated', 'General Staff');
  assert.equal(staff.source?.kind, 'anonymous');
  assert.deepEqual(via(staff), [['Reuters', 'outlet']]);
  const source = find(claims, 'according to', 'lost over 40 percent');
  assert.equal(source.source?.kind, 'anonymous');
  const telegraph = find(claims, 'reported', 'NATO allies');
  assert.deepEqual([telegraph.source?.text, telegraph.source?.kind], ['the Telegraph', 'outlet']);
  assert.deepEqual(via(telegraph), [['NATO', 'institution']]);
  assert.equal(telegraph.hedged, true);
  const believed = claims.find((c) => c.text.includes('is believed to have dispatched'));
  assert.ok(believed?.hedged, 'the "is believed to" sentence is hedged');
  assert.equal(believed?.event?.action, 'deploy_forces');
});

test('seeds: every attribution of page 003 with its kind and relay chain', { skip: MISSING }, () => {
  const { claims } = bodyClaims('003_');
  const allies = find(claims, 'have said', 'United States');
  assert.deepEqual([allies.source?.text, allies.source?.kind], ['The United States and its allies', 'institution']);
  assert.deepEqual([allies.event?.action, allies.event?.target, allies.event?.actor], ['deploy_forces', 'Russia', 'North Korea']);
  const ministry = find(claims, 'said', 'arrived in North Korea');
  assert.deepEqual([ministry.source?.text, ministry.source?.kind], ['the ministry', 'institution']);
  const tass = find(claims, 'citing', 'TASS');
  assert.equal(tass.source?.kind, 'outlet');
  assert.equal(tass.source?.canonical, 'TASS');
  assert.deepEqual(via(tass).map(([text, kind]) => [text?.toLowerCase(), kind]), [['the ministry', 'institution']]);
  const accused = claims.find((c) => c.text.includes('accused of supplying'));
  assert.equal(accused?.source, null, 'an agentless passive has no source');
  assert.equal(accused?.event?.action, 'supply_arms');
});
