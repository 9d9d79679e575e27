import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots } from './robots.ts';

const ROBOTS = `# Fictional robots.txt of harbour-ledger.example
User-agent: *
Disallow: /

User-agent: OtherBot
User-agent: crosscheck   # our group, shared with OtherBot
Disallow: /private/
Allow: /private/open-
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2.5

User-agent: crosscheck-extended
Disallow: /news/

Sitemap: https://harbour-ledger.example/sitemap.xml
`;

test('our group is chosen over *, by product token, and merged across consecutive User-agent lines', () => {
  const policy = parseRobots(ROBOTS);
  assert.equal(policy.matchedGroup, 'token');
  assert.equal(policy.allows('/news/ferry'), true, '* disallows everything, but our own group applies instead');
  assert.equal(policy.crawlDelaySeconds, 2.5);
  assert.deepEqual(policy.sitemaps, ['https://harbour-ledger.example/sitemap.xml']);
  const versioned = parseRobots('User-agent: CrossCheck/0.1\nDisallow: /x\n');
  assert.equal(versioned.matchedGroup, 'token', 'case-insensitive, version ignored');
  assert.equal(versioned.allows('/x/1'), false);
});

test('the longest matching rule decides, Allow wins a tie, * and $ patterns work', () => {
  const policy = parseRobots(ROBOTS);
  assert.equal(policy.allows('/private/memo'), false);
  assert.equal(policy.allows('/private/open-letter'), true, 'longer Allow beats shorter Disallow');
  assert.equal(policy.allows('/files/report.pdf'), false);
  assert.equal(policy.allows('/files/report.pdf?download=1'), true, '$ anchors the end');
  assert.equal(policy.allows('/search?q=ferry'), false);
  assert.equal(policy.allows('/search'), true);
  assert.equal(policy.allows('/robots.txt'), true);
  const tie = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n');
  assert.equal(tie.allows('/a/b'), true);
});

test('no matching group, empty rules and odd lines allow everything; * applies without our group', () => {
  const none = parseRobots('User-agent: SomeoneElse\nDisallow: /\n');
  assert.equal(none.matchedGroup, 'none');
  assert.equal(none.allows('/anything'), true);
  assert.equal(none.crawlDelaySeconds, null);
  const emptyDisallow = parseRobots('User-agent: *\nDisallow:\nnonsense line\nCrawl-delay: soon\n');
  assert.equal(emptyDisallow.allows('/x'), true);
  assert.equal(emptyDisallow.crawlDelaySeconds, null);
  const star = parseRobots('\uFEFFUser-agent: *\r\nDisallow: /caf%c3%a9/\r\nCrawl-delay: 1\r\n');
  assert.equal(star.matchedGroup, 'star');
  assert.equal(star.allows('/caf\u00e9/menu'), false, 'percent-encoding compared the same way');
  assert.equal(star.crawlDelaySeconds, 1);
});
