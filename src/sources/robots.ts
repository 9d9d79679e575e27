/**
 * A small robots.txt reader (RFC 9309): user-agent groups, Allow/Disallow with `*` and `$` patterns decided by
 * the longest matching rule (Allow wins a tie), Crawl-delay (not in the RFC, but what news sites use to ask
 * for a slower rate) and Sitemap lines.
 */
import { ROBOTS_USER_AGENT_TOKEN } from './constants.ts';

interface RobotsRule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

export interface RobotsPolicy {
  /** Whether a path (with its query, e.g. `/news/a?page=2`) may be fetched. */
  allows(pathAndQuery: string): boolean;
  /** Crawl-delay of the group that applies to us, in seconds; null when none is given. */
  crawlDelaySeconds: number | null;
  /** Sitemap URLs the file lists (for any user agent). */
  sitemaps: string[];
  /** Which group applied: our token, `*`, or none. */
  matchedGroup: 'token' | 'star' | 'none';
}

/** The policy when robots.txt is missing (4xx): everything allowed. */
export const ALLOW_ALL: RobotsPolicy = { allows: () => true, crawlDelaySeconds: null, sitemaps: [], matchedGroup: 'none' };
/** The policy when robots.txt cannot be fetched (5xx, network): nothing allowed, as RFC 9309 asks. */
export const DISALLOW_ALL: RobotsPolicy = { allows: (path) => path === '/robots.txt', crawlDelaySeconds: null, sitemaps: [], matchedGroup: 'none' };

/** Parses robots.txt for the crawler whose product token is `token` (case-insensitive). */
export function parseRobots(text: string, token: string = ROBOTS_USER_AGENT_TOKEN): RobotsPolicy {
  const groups: RobotsGroup[] = [];
  const sitemaps: string[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // Consecutive User-agent lines share one group; one after rules starts a new group.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if (key === 'allow' || key === 'disallow') {
      lastWasAgent = false;
      // An empty Disallow allows everything: it adds no rule. Rules before any User-agent are ignored.
      if (!current || value === '') continue;
      const pattern = value.startsWith('/') || value.startsWith('*') ? value : `/${value}`;
      current.rules.push({ allow: key === 'allow', pattern, regex: patternRegex(pattern) });
    } else if (key === 'crawl-delay') {
      lastWasAgent = false;
      const seconds = Number(value);
      if (current && Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    } else if (key === 'sitemap') {
      if (value) sitemaps.push(value);
    }
  }
  const ours = token.toLowerCase();
  // A group names a product token, perhaps with a version ("crosscheck/0.1").
  const mine = groups.filter((group) => group.agents.some((agent) => agent.split('/')[0].trim() === ours));
  const star = groups.filter((group) => group.agents.includes('*'));
  const applying = mine.length > 0 ? mine : star;
  const rules = applying.flatMap((group) => group.rules);
  const delays = applying.map((group) => group.crawlDelaySeconds).filter((delay): delay is number => delay !== null);
  return {
    allows: (pathAndQuery) => decide(rules, pathAndQuery),
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
    sitemaps,
    matchedGroup: mine.length > 0 ? 'token' : star.length > 0 ? 'star' : 'none',
  };
}

function decide(rules: RobotsRule[], pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  const path = normalizePath(pathAndQuery);
  let best: RobotsRule | null = null;
  for (const rule of rules) {
    if (!rule.regex.test(path)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow && !best.allow)) {
      best = rule;
    }
  }
  return best ? best.allow : true;
}

/** `*` matches any run of characters, a final `$` anchors the end; everything else is literal. Patterns and
 * paths are compared with the same percent-encoding (see normalizePath). */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = normalizePath(anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encodes what is not ASCII and upper-cases escapes, so `/caf%c3%a9` and `/café` compare equal. */
function normalizePath(path: string): string {
  return path
    .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
    .replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}
