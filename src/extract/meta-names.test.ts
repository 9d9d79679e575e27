import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isForeignName, isForeignNameByWords } from './meta-dates.ts';

test('isForeignName judges each name by its first word, as the word-by-word reading does', () => {
  const values = [
    'comment-list', 'x  _relatedPosts', 'sticky-sidebar-parent', 'navbar', 'nav', 'Nav-x', 'menu2', 'TICKER',
    'post\tcomments', '--sidebarRight', 'article body', 'recommendations', 'suggestion_box', 'promo', 'promotion',
    'layout \u0130nfo', 'a \u212aicker', 'cookie', 'cookie-banner', 'x breadcrumbs', 'breadcrumbsx', '',
  ];
  for (const value of values) assert.equal(isForeignName(value), isForeignNameByWords(value), JSON.stringify(value));
  assert.equal(isForeignName('comment-list'), true);
  assert.equal(isForeignName('sticky-sidebar-parent'), false);
  assert.equal(isForeignName('navbar'), false);
  assert.equal(isForeignName('story Menu'), true);
  assert.equal(isForeignName(undefined), false);
});
