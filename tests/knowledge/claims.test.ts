// @vitest-environment node
/**
 * Claims and conflicts of the knowledge pack (lib/knowledge/parts/claims.json, conflicts.json):
 * schema, ids, cross references, coverage of the fact sheet's C01..C53 and X01..X11, and a neutrality lint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Claim, Conflict } from '../../lib/knowledge/schema';

const partsDir = fileURLToPath(new URL('../../lib/knowledge/parts/', import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(`${partsDir}${name}`, 'utf8'));

const rawClaims = readJson('claims.json');
const rawConflicts = readJson('conflicts.json');
const claimsResult = z.array(Claim).safeParse(rawClaims);
const conflictsResult = z.array(Conflict).safeParse(rawConflicts);
const claims = claimsResult.success ? claimsResult.data : [];
const conflicts = conflictsResult.success ? conflictsResult.data : [];
const claimById = new Map(claims.map((c) => [c.id, c]));

/** The fixed entity ids of the helpers' brief (the entities part creates exactly these, maybe more). */
const FIXED_ENTITY_IDS = `crocus-attack crocus-city-hall krasnogorsk moscow-oblast moscow bryansk-oblast crocus-group
  islamic-state isis-k amaq al-naba radical-islamists western-special-services ukrainian-special-services russian-special-services
  russia ukraine united-states united-kingdom france tajikistan belarus iran turkey kyrgyzstan
  putin kremlin peskov fsb bortnikov investigative-committee bastrykin petrenko prosecutor-general military-court
  basmanny-court security-council-russia medvedev patrushev russian-mfa zakharova lavrov svr naryshkin mchs murashko
  khinshtein vorobyov rosfinmonitoring simonyan rt tass ria-novosti
  zelensky podolyak gur budanov yusov ukraine-mfa
  white-house kirby nsc watson us-officials us-embassy-moscow washington-post new-york-times
  lukashenko macron attal hunt tajikistan-mfa rahmon gknb-tajikistan turkish-official un-security-council isw clarke
  soufan-group hoffman amnesty-international crew-against-torture picnic agalarov-aras agalarov-emin baza shot reuters afp ap
  mirzoyev rachabalizoda fariduni faizov
  islomov-isroil islomov-dilovar islomov-aminchon kasimov kurbonov medov aushev gadoyev ismoilov khamidov sharipzoda
  yusufzoda lutfulloi soliyev-umedzhon soliyev-mustakim aivar gautier`
  .split(/\s+/)
  .filter(Boolean);

/** Display names of the claimants, used until (and where) the entities part does not give one. */
const FALLBACK_NAMES: Record<string, string> = {
  'islamic-state': 'Islamic State',
  'al-naba': 'al-Naba',
  amaq: 'Amaq News Agency',
  watson: 'Adrienne Watson',
  'us-officials': 'US officials',
  kirby: 'John Kirby',
  putin: 'Vladimir Putin',
  fsb: 'Federal Security Service (FSB)',
  medvedev: 'Dmitry Medvedev',
  simonyan: 'Margarita Simonyan',
  zakharova: 'Maria Zakharova',
  bortnikov: 'Alexander Bortnikov',
  patrushev: 'Nikolai Patrushev',
  peskov: 'Dmitry Peskov',
  lavrov: 'Sergey Lavrov',
  'investigative-committee': 'Investigative Committee of Russia',
  naryshkin: 'Sergei Naryshkin',
  'prosecutor-general': "Prosecutor General's Office",
  'military-court': '2nd Western District Military Court',
  podolyak: 'Mykhailo Podolyak',
  gur: 'Defence Intelligence of Ukraine (GUR)',
  'ukraine-mfa': 'Ministry of Foreign Affairs of Ukraine',
  yusov: 'Andriy Yusov',
  zelensky: 'Volodymyr Zelensky',
  budanov: 'Kyrylo Budanov',
  lukashenko: 'Alexander Lukashenko',
  macron: 'Emmanuel Macron',
  attal: 'Gabriel Attal',
  hunt: 'Jeremy Hunt',
  'tajikistan-mfa': 'Ministry of Foreign Affairs of Tajikistan',
  rahmon: 'Emomali Rahmon',
  'turkish-official': 'Senior Turkish security official',
  iran: 'Iran',
  'un-security-council': 'UN Security Council',
  isw: 'Institute for the Study of War',
  clarke: 'Colin P. Clarke',
  hoffman: 'Bruce Hoffman',
  'amnesty-international': 'Amnesty International',
  'crew-against-torture': 'Crew Against Torture',
  petrenko: 'Svetlana Petrenko',
  vorobyov: 'Andrei Vorobyov',
  bastrykin: 'Alexander Bastrykin',
};

/** Names from the entities part, when it exists and parses as an array of {id, name}. */
function entityNames(): Map<string, string> {
  const path = `${partsDir}entities.json`;
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (Array.isArray(raw)) {
    for (const e of raw) {
      if (e && typeof e === 'object' && typeof e.id === 'string' && typeof e.name === 'string') out.set(e.id, e.name);
    }
  }
  return out;
}
const ENTITY_NAMES = entityNames();
const KNOWN_ENTITY_IDS = new Set([...FIXED_ENTITY_IDS, ...ENTITY_NAMES.keys()]);

// ---------------------------------------------------------------------------------------------------------
// Neutrality lint

const LOADED_WORDS = [
  'regime',
  'terrorist state',
  'propaganda',
  'lie',
  'lies',
  'false',
  'falsely',
  'debunked',
  'admitted',
  'proved',
  'proven',
  'fake',
  'hoax',
  'so-called',
  // Also judged loaded by lib/knowledge/neutrality.ts (the pack-wide check):
  'absurd',
  'nonsense',
  'baseless',
  'groundless',
  'unfounded',
];

/** Removes quoted passages ("...", “...”, «...», „...“) so that words inside quotations are not held against us. */
export function stripQuotations(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]/g, ' ');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(w).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
const LOADED_RES = LOADED_WORDS.map((w) => [w, wordRe(w)] as const);

/** Loaded words that occur outside quotation marks. */
export function loadedWords(text: string): string[] {
  const bare = stripQuotations(text);
  return LOADED_RES.filter(([, re]) => re.test(bare)).map(([w]) => w);
}

/**
 * One sentence: it ends with a full stop (or ? !, possibly inside a closing quotation mark) and, outside
 * quotations, no sentence end is followed by a capital letter (initials such as "Colin P. Clarke" excepted).
 */
export function isOneSentence(text: string): boolean {
  const t = text.trim();
  if (!/[.!?]["”»]?$/.test(t)) return false;
  return !/(?<!(?:^|[\s(])\p{Lu})[.!?]\s+\p{Lu}/u.test(stripQuotations(t));
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'of', 'office', 'ministry', 'affairs']);

/** The words of a display name that count as naming it (3+ letters, not a function word). */
function nameWords(name: string): string[] {
  return (name.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));
}

function displayNameOf(id: string): string | undefined {
  return ENTITY_NAMES.get(id) ?? FALLBACK_NAMES[id];
}

// ---------------------------------------------------------------------------------------------------------

describe('claims.json and conflicts.json', () => {
  it('parse with the schema', () => {
    expect(claimsResult.error?.issues ?? []).toEqual([]);
    expect(conflictsResult.error?.issues ?? []).toEqual([]);
    expect(claims.length).toBeGreaterThanOrEqual(53);
    expect(conflicts.length).toBeGreaterThanOrEqual(11);
  });

  it('have unique ids', () => {
    const dup = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dup(claims.map((c) => c.id))).toEqual([]);
    expect(dup(conflicts.map((x) => x.id))).toEqual([]);
  });

  it('cover every claim C01..C53 and every conflict X01..X11 of the fact sheet', () => {
    const ids = new Set(claims.map((c) => c.id));
    const missing = Array.from({ length: 53 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    const xids = new Set(conflicts.map((x) => x.id));
    const missingX = Array.from({ length: 11 }, (_, i) => `X${String(i + 1).padStart(2, '0')}`).filter((id) => !xids.has(id));
    expect(missingX).toEqual([]);
  });

  it('split claims keep the base id of the sheet (C49b goes with C49)', () => {
    const ids = new Set(claims.map((c) => c.id));
    for (const id of ids) {
      const m = /^(C\d{2,})[a-z]$/.exec(id);
      if (m) expect(ids.has(m[1] as string), `${id} has no ${m[1]}`).toBe(true);
    }
  });

  it('use only known entity ids for claimants and attribution targets', () => {
    const unknown: string[] = [];
    for (const c of claims) {
      if (!KNOWN_ENTITY_IDS.has(c.claimant)) unknown.push(`${c.id}.claimant=${c.claimant}`);
      for (const a of c.attributes) if (!KNOWN_ENTITY_IDS.has(a.target)) unknown.push(`${c.id}.target=${a.target}`);
    }
    expect(unknown).toEqual([]);
  });

  it('give every non-English quote a translation and who made it', () => {
    const bad = claims.flatMap((c) =>
      (c.quotes ?? []).filter((q) => q.lang !== 'en' && !(q.translation && q.translatedBy)).map((q) => `${c.id}: ${q.text}`),
    );
    expect(bad).toEqual([]);
  });

  it('do not repeat a source or an attribution within one claim', () => {
    const bad: string[] = [];
    for (const c of claims) {
      if (new Set(c.sources).size !== c.sources.length) bad.push(`${c.id}: duplicate source`);
      const keys = c.attributes.map((a) => `${a.target}/${a.role}`);
      if (new Set(keys).size !== keys.length) bad.push(`${c.id}: duplicate attribution`);
    }
    expect(bad).toEqual([]);
  });

  it('refer only to existing claims from conflicts, each claim on one side only', () => {
    const bad: string[] = [];
    for (const x of conflicts) {
      const seen = new Set<string>();
      for (const side of x.sides) {
        for (const id of side.claims) {
          if (!claimById.has(id)) bad.push(`${x.id}: unknown claim ${id}`);
          if (seen.has(id)) bad.push(`${x.id}: ${id} listed twice`);
          seen.add(id);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('have at least two distinct claimants in every conflict', () => {
    const bad: string[] = [];
    for (const x of conflicts) {
      const claimants = new Set(x.sides.flatMap((s) => s.claims).map((id) => claimById.get(id)?.claimant));
      claimants.delete(undefined);
      if (claimants.size < 2) bad.push(`${x.id}: ${[...claimants].join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('cite only sources of the fact sheet register, when the sheet is at hand', () => {
    const sheet = '/work/shared/knowledge/facts.md';
    if (!existsSync(sheet)) return;
    const text = readFileSync(sheet, 'utf8');
    const register = text.slice(text.indexOf('## Source register'));
    const keys = new Set([...register.matchAll(/^(S\d+[a-z]?) — /gm)].map((m) => m[1]));
    const cited = [
      ...claims.flatMap((c) => c.sources.map((s) => [c.id, s] as const)),
      ...conflicts.flatMap((x) => [...(x.note ?? '').matchAll(/\[(S\d+[a-z]?)\]/g)].map((m) => [x.id, m[1] as string] as const)),
    ];
    expect(cited.filter(([, s]) => !keys.has(s)).map(([id, s]) => `${id}: ${s}`)).toEqual([]);
  });
});

describe('neutrality lint', () => {
  it('flags loaded words outside quotations only', () => {
    expect(loadedWords('The regime said so.')).toEqual(['regime']);
    expect(loadedWords('He spoke of "terrorists of the Kyiv regime".')).toEqual([]);
    expect(loadedWords('She called the reports «фейк» and “fake”.')).toEqual([]);
    expect(loadedWords('It was a lie and a so-called probe.')).toEqual(['lie', 'so-called']);
    expect(loadedWords('The earlier believed version.')).toEqual([]);
    expect(loadedWords('Moscow, a terrorist  state, denied it.')).toEqual(['terrorist state']);
  });

  it('tells one sentence from two, allowing initials and full stops inside quotations', () => {
    expect(isOneSentence('Colin P. Clarke said so.')).toBe(true);
    expect(isOneSentence('He answered "Ukraine, of course."')).toBe(true);
    expect(isOneSentence('He said so. Then he left.')).toBe(false);
    expect(isOneSentence('He said so')).toBe(false);
  });

  it('finds no loaded words outside quotations in statements, notes, subjects or positions', () => {
    const bad: string[] = [];
    for (const c of claims) {
      for (const [field, text] of [['statement', c.statement], ['note', c.note ?? ''], ['venue', c.venue ?? '']] as const) {
        const words = loadedWords(text);
        if (words.length > 0) bad.push(`${c.id}.${field}: ${words.join(', ')}`);
      }
    }
    for (const x of conflicts) {
      const texts: Array<[string, string]> = [
        ['subject', x.subject],
        ['note', x.note ?? ''],
        ...x.sides.map((s, i): [string, string] => [`sides[${i}].position`, s.position]),
      ];
      for (const [field, text] of texts) {
        const words = loadedWords(text);
        if (words.length > 0) bad.push(`${x.id}.${field}: ${words.join(', ')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has one sentence per statement', () => {
    expect(claims.filter((c) => !isOneSentence(c.statement)).map((c) => c.id)).toEqual([]);
  });

  it('names the claimant in every statement', () => {
    const bad: string[] = [];
    for (const c of claims) {
      const name = displayNameOf(c.claimant);
      if (!name) {
        bad.push(`${c.id}: no display name known for ${c.claimant}`);
        continue;
      }
      const words = nameWords(name);
      if (!words.some((w) => wordRe(w).test(c.statement))) bad.push(`${c.id}: statement does not name "${name}"`);
    }
    expect(bad).toEqual([]);
  });
});
