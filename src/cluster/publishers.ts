/**
 * Publisher families: which owner an outlet or domain answers to, so that the cross-check counts the
 * outlets of one group, the feeds of one outlet and the copies of one wire agency as one source. The table
 * is data (data/publishers.json, editable); this module only looks names and hosts up in it.
 *
 * Look-up order: the outlet name (or a wire credit given as the outlet), then the URL's host and its parent
 * domains; an outlet found nowhere is its own family (its name as given), then its host, then `unknown`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldCase } from './text.ts';

export type PublisherKind = 'wire' | 'group' | 'outlet';

export interface Publisher {
  family: string;
  kind: PublisherKind;
  /** How it was found: `outlet` name, wire `credit`, URL `domain`; `fallback` when not in the table. */
  rule: 'publisher.outlet' | 'publisher.credit' | 'publisher.domain' | 'publisher.fallback';
}

interface FamilyEntry {
  family: string;
  kind: PublisherKind;
  outlets?: string[];
  credits?: string[];
  domains?: string[];
}

/** The default table, beside the sources: `<repo>/data/publishers.json`. */
export const PUBLISHERS_FILE = fileURLToPath(new URL('../../data/publishers.json', import.meta.url));

/** Folded, accents and punctuation dropped, a leading "the" ignored: "The Harbor Ledger" = "harbor ledger". */
export function outletKey(name: string): string {
  return foldCase(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The URL's host, lower case, without `www.`; null when the value is not a URL with a host. */
export function hostOf(url: string): string | null {
  const value = url.trim();
  if (!value) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase();
    return host.replace(/^www\d*\./, '').replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

export class PublisherDirectory {
  private readonly byOutlet = new Map<string, FamilyEntry>();
  private readonly byCredit = new Map<string, FamilyEntry>();
  private readonly byDomain = new Map<string, FamilyEntry>();

  constructor(entries: readonly FamilyEntry[]) {
    for (const entry of entries) {
      if (!entry || typeof entry.family !== 'string' || !entry.family.trim()) throw new Error('publishers: every entry needs a "family" name');
      if (!['wire', 'group', 'outlet'].includes(entry.kind)) throw new Error(`publishers: ${entry.family}: kind must be wire, group or outlet`);
      for (const name of [entry.family, ...(entry.outlets ?? [])]) this.claim(this.byOutlet, outletKey(name), entry, 'outlet');
      for (const credit of entry.credits ?? []) this.claim(this.byCredit, outletKey(credit), entry, 'credit');
      for (const domain of entry.domains ?? []) this.claim(this.byDomain, domain.toLowerCase().replace(/^www\./, ''), entry, 'domain');
    }
  }

  /** Reads a table in the data/publishers.json format. */
  static fromFile(file = PUBLISHERS_FILE): PublisherDirectory {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { families?: FamilyEntry[] };
    if (!Array.isArray(parsed.families)) throw new Error(`publishers: ${file} has no "families" array`);
    return new PublisherDirectory(parsed.families);
  }

  private claim(map: Map<string, FamilyEntry>, key: string, entry: FamilyEntry, what: string): void {
    if (!key) return;
    const holder = map.get(key);
    if (holder && holder !== entry) throw new Error(`publishers: ${what} "${key}" is listed under both ${holder.family} and ${entry.family}`);
    map.set(key, entry);
  }

  /** The family of an outlet and/or URL, or null when the table knows neither. */
  lookup(outlet: string | null | undefined, url: string | null | undefined): Publisher | null {
    if (outlet && outlet.trim()) {
      const key = outletKey(outlet);
      const byName = this.byOutlet.get(key);
      if (byName) return { family: byName.family, kind: byName.kind, rule: 'publisher.outlet' };
      const byCredit = this.byCredit.get(key);
      if (byCredit) return { family: byCredit.family, kind: byCredit.kind, rule: 'publisher.credit' };
    }
    const host = url ? hostOf(url) : null;
    if (host) {
      // The host, then each parent domain: "edition.cnn.com" -> "cnn.com".
      const labels = host.split('.');
      for (let i = 0; i < labels.length - 1; i++) {
        const entry = this.byDomain.get(labels.slice(i).join('.'));
        if (entry) return { family: entry.family, kind: entry.kind, rule: 'publisher.domain' };
      }
    }
    return null;
  }

  /** The family name, falling back to the outlet as given, then the URL's host, then `unknown`. */
  family(outlet: string | null | undefined, url: string | null | undefined): string {
    const found = this.lookup(outlet, url);
    if (found) return found.family;
    if (outlet && outlet.trim()) return outlet.trim().replace(/\s+/g, ' ');
    const host = url ? hostOf(url) : null;
    return host ?? 'unknown';
  }
}

let defaultDirectory: PublisherDirectory | null = null;

function directory(): PublisherDirectory {
  defaultDirectory ??= PublisherDirectory.fromFile();
  return defaultDirectory;
}

/**
 * The publisher family of an outlet and/or its URL, from data/publishers.json: "Kestrel Post" and
 * "https://www.harborledger.example/x" are both "Ledger Media Group"; an outlet the table does not know is
 * its own family.
 */
export function publisherFamily(outlet: string | null, url: string | null): string {
  return directory().family(outlet, url);
}

/** The table's entry for an outlet and/or URL with the rule that found it, or a fallback entry. */
export function publisherOf(outlet: string | null, url: string | null): Publisher {
  return directory().lookup(outlet, url) ?? { family: directory().family(outlet, url), kind: 'outlet', rule: 'publisher.fallback' };
}
