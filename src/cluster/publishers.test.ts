import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { publisherFamily, publisherOf } from './index.ts';
import { PublisherDirectory, hostOf, outletKey, PUBLISHERS_FILE } from './publishers.ts';

describe('publisher families', () => {
  it('puts the demo outlets of one owner in one family (by name and by domain)', () => {
    assert.equal(publisherFamily('The Harbor Ledger', null), 'Ledger Media Group');
    assert.equal(publisherFamily('Kestrel Post', null), 'Ledger Media Group');
    assert.equal(publisherFamily(null, 'https://www.kestrelpost.example/news/2025/fire'), 'Ledger Media Group');
    assert.equal(publisherFamily('harbor ledger', null), 'Ledger Media Group', 'case and a missing "The" do not matter');
    assert.notEqual(publisherFamily('Valmont Daily Courier', null), publisherFamily('Kestrel Post', null));
    assert.equal(publisherFamily('MPA', null), 'Meridian Press Agency', 'a wire credit names its agency');
  });

  it('knows the big wires and groups, by outlet, credit and subdomain', () => {
    assert.equal(publisherFamily('The Associated Press', null), 'Associated Press');
    assert.equal(publisherFamily('AP', null), 'Associated Press');
    assert.equal(publisherFamily(null, 'https://apnews.com/article/x'), 'Associated Press');
    assert.equal(publisherFamily(null, 'https://www.reuters.com/world/'), 'Reuters');
    assert.equal(publisherFamily('ITAR-TASS', null), 'TASS');
    assert.equal(publisherFamily(null, 'tass.ru/politika/1'), 'TASS');
    assert.equal(publisherFamily(null, 'https://edition.cnn.com/2024/11/29/x'), 'Warner Bros. Discovery');
    assert.equal(publisherFamily('New York Post', null), publisherFamily(null, 'https://www.wsj.com/x'));
    assert.deepEqual(publisherOf('AFP', null), { family: 'Agence France-Presse', kind: 'wire', rule: 'publisher.credit' });
    assert.deepEqual(publisherOf(null, 'https://news.sky.example/a'), { family: 'news.sky.example', kind: 'outlet', rule: 'publisher.fallback' });
  });

  it('falls back to the outlet, then the host, then "unknown"', () => {
    assert.equal(publisherFamily('  Gazette   of Tolvane ', null), 'Gazette of Tolvane');
    assert.equal(publisherFamily(null, 'https://www.tolvane-gazette.example/p'), 'tolvane-gazette.example');
    assert.equal(publisherFamily(null, 'not a url at all'), 'unknown');
    assert.equal(publisherFamily(null, null), 'unknown');
    assert.equal(publisherFamily('', ''), 'unknown');
  });

  it('reads an edited table and rejects one name under two owners', () => {
    const table = new PublisherDirectory([
      { family: 'Brisk Media', kind: 'group', outlets: ['Tolvane Star', 'Coast FM'], domains: ['tolvanestar.example'] },
    ]);
    assert.equal(table.family('Coast FM', null), 'Brisk Media');
    assert.equal(table.family(null, 'http://m.tolvanestar.example/a'), 'Brisk Media');
    assert.throws(
      () => new PublisherDirectory([
        { family: 'A', kind: 'group', outlets: ['Same Name'] },
        { family: 'B', kind: 'group', outlets: ['The Same Name'] },
      ]),
      /listed under both A and B/,
    );
    assert.throws(() => new PublisherDirectory([{ family: 'C', kind: 'owner' as 'group' }]), /kind/);
  });

  it('has a well-formed data file whose every name and domain resolves to its own family', () => {
    const data = JSON.parse(readFileSync(PUBLISHERS_FILE, 'utf8')) as { families: Array<{ family: string; outlets?: string[]; domains?: string[] }> };
    assert.ok(data.families.length >= 30);
    for (const entry of data.families) {
      for (const outlet of entry.outlets ?? []) assert.equal(publisherFamily(outlet, null), entry.family, outlet);
      for (const domain of entry.domains ?? []) assert.equal(publisherFamily(null, `https://${domain}/`), entry.family, domain);
    }
    assert.equal(outletKey('The Zürich Post!'), 'zurich post');
    assert.equal(hostOf('HTTPS://WWW.Example.org/path'), 'example.org');
  });
});
