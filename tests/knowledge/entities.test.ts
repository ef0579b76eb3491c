import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Entity } from '../../lib/knowledge/schema';
import entitiesJson from '../../lib/knowledge/parts/entities.json';

const raw: unknown = entitiesJson;
const parsed = z.array(Entity).safeParse(raw);
const entities = parsed.success ? parsed.data : [];
const byId = new Map(entities.map((e) => [e.id, e]));

/** The fixed entity ids from the helpers' shared brief (the brief itself is not in the repo). */
const FIXED_IDS = [
  // event / venue / places
  'crocus-attack', 'crocus-city-hall', 'krasnogorsk', 'moscow-oblast', 'moscow', 'bryansk-oblast', 'crocus-group',
  // groups
  'islamic-state', 'isis-k', 'amaq', 'al-naba', 'radical-islamists', 'western-special-services',
  'ukrainian-special-services', 'russian-special-services',
  // states
  'russia', 'ukraine', 'united-states', 'united-kingdom', 'france', 'tajikistan', 'belarus', 'iran', 'turkey', 'kyrgyzstan',
  // Russia
  'putin', 'kremlin', 'peskov', 'fsb', 'bortnikov', 'investigative-committee', 'bastrykin', 'petrenko', 'prosecutor-general',
  'military-court', 'basmanny-court', 'security-council-russia', 'medvedev', 'patrushev', 'russian-mfa', 'zakharova', 'lavrov',
  'svr', 'naryshkin', 'mchs', 'murashko', 'khinshtein', 'vorobyov', 'rosfinmonitoring', 'simonyan', 'rt', 'tass', 'ria-novosti',
  // Ukraine
  'zelensky', 'podolyak', 'gur', 'budanov', 'yusov', 'ukraine-mfa',
  // United States
  'white-house', 'kirby', 'nsc', 'watson', 'us-officials', 'us-embassy-moscow', 'washington-post', 'new-york-times',
  // others
  'lukashenko', 'macron', 'attal', 'hunt', 'tajikistan-mfa', 'rahmon', 'gknb-tajikistan', 'turkish-official',
  'un-security-council', 'isw', 'clarke', 'soufan-group', 'hoffman', 'amnesty-international', 'crew-against-torture', 'picnic',
  'agalarov-aras', 'agalarov-emin', 'baza', 'shot', 'reuters', 'afp', 'ap',
  // the four charged gunmen
  'mirzoyev', 'rachabalizoda', 'fariduni', 'faizov',
  // co-defendants
  'islomov-isroil', 'islomov-dilovar', 'islomov-aminchon', 'kasimov', 'kurbonov', 'medov', 'aushev', 'gadoyev', 'ismoilov',
  'khamidov', 'sharipzoda', 'yusufzoda', 'lutfulloi', 'soliyev-umedzhon', 'soliyev-mustakim',
  // victims' lawyers
  'aivar', 'gautier',
] as const;

const RUSSIAN_ACTORS = [
  'russia', 'putin', 'kremlin', 'peskov', 'fsb', 'bortnikov', 'investigative-committee', 'bastrykin', 'petrenko',
  'prosecutor-general', 'military-court', 'basmanny-court', 'security-council-russia', 'medvedev', 'patrushev', 'russian-mfa',
  'zakharova', 'lavrov', 'svr', 'naryshkin', 'mchs', 'murashko', 'khinshtein', 'vorobyov', 'rosfinmonitoring', 'simonyan', 'rt',
  'tass', 'ria-novosti', 'russian-special-services',
];
const UKRAINIAN_ACTORS = ['ukraine', 'zelensky', 'podolyak', 'gur', 'budanov', 'yusov', 'ukraine-mfa', 'ukrainian-special-services'];
const EVENT_AND_VENUE = ['crocus-attack', 'crocus-city-hall'];

const LOADED = /\b(regime|terrorist state|propaganda|so-called|puppet|junta)\b/i;

const names = (id: string, lang: string): string[] => byId.get(id)?.names[lang] ?? [];

describe('entities.json', () => {
  it('validates against the Entity schema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(entities.length).toBeGreaterThanOrEqual(FIXED_IDS.length);
  });

  it('has unique ids', () => {
    const ids = entities.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('contains every fixed id from the brief', () => {
    expect(FIXED_IDS.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('partOf points at existing entities, never at itself', () => {
    const bad = entities.flatMap((e) =>
      (e.partOf ?? []).filter((p) => p === e.id || !byId.has(p)).map((p) => `${e.id} -> ${p}`),
    );
    expect(bad).toEqual([]);
  });

  it('descriptions are one neutral line under 200 characters', () => {
    const bad = entities
      .filter((e) => e.description.length >= 200 || /[\r\n]/.test(e.description) || LOADED.test(e.description))
      .map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('every entity has English names; Russian and Ukrainian actors, the venue and the event have ru / uk names', () => {
    expect(entities.filter((e) => !e.names.en?.length).map((e) => e.id)).toEqual([]);
    expect([...RUSSIAN_ACTORS, ...EVENT_AND_VENUE].filter((id) => !names(id, 'ru').length)).toEqual([]);
    expect([...UKRAINIAN_ACTORS, ...EVENT_AND_VENUE].filter((id) => !names(id, 'uk').length)).toEqual([]);
  });

  it('keeps per-language name lists free of duplicates and stray whitespace', () => {
    const bad: string[] = [];
    for (const e of entities) {
      for (const [lang, list] of Object.entries(e.names)) {
        list.forEach((n, i) => {
          if (list.indexOf(n) !== i) bad.push(`${e.id}/${lang}: duplicate "${n}"`);
          if (n !== n.trim() || /\s{2,}/.test(n)) bad.push(`${e.id}/${lang}: whitespace in "${n}"`);
        });
      }
    }
    expect(bad).toEqual([]);
  });

  it('carries the fact sheet spellings the recognizer depends on', () => {
    const has = (id: string, lang: string, ...want: string[]) =>
      expect(names(id, lang), `${id}/${lang}`).toEqual(expect.arrayContaining(want));
    has('crocus-city-hall', 'en', 'Crocus City Hall', 'Krokus Siti Kholl', 'Crocus Town Hall', 'Crooks City Hall', 'Crocus');
    has('crocus-city-hall', 'ru', 'Крокус Сити Холл', 'Крокус-Сити-холл', 'Крокус');
    has('crocus-city-hall', 'uk', 'Крокус сіті хол');
    has('crocus-city-hall', 'fr', 'hôtel de ville de Crocus');
    has('crocus-city-hall', 'es', 'Ayuntamiento de Crocus');
    has('crocus-city-hall', 'de', 'Krokus-Rathaus', 'Rathaus von Crocus');
    has('crocus-city-hall', 'pt', 'Prefeitura de Crocus');
    has('crocus-attack', 'en', 'Crocus City Hall attack', 'Crocus City Hall shooting', 'Moscow concert hall attack', 'Crocus City Hall massacre');
    has('crocus-attack', 'ru', 'теракт в Крокус Сити Холле', 'теракт в Крокусе');
    has('crocus-attack', 'uk', 'теракт у Крокус сіті холі');
    has('crocus-attack', 'fr', "l'attentat du Crocus City Hall");
    has('crocus-attack', 'de', 'Anschlag auf die Crocus City Hall');
    has('crocus-attack', 'it', 'Attentato al Crocus City Hall');
    has('isis-k', 'en', 'ISIS-K', 'IS-K', 'ISKP', 'IS-KP', 'ISIS-Khorasan', 'Wilayat Khorasan', 'Vilayat Khorasan', 'Wilayah Khorasan');
    has('isis-k', 'ru', 'Вилаят Хорасан', 'ИГИЛ-Хорасан', 'ИГ-Хорасан', 'ИГВХ');
    has('isis-k', 'uk', 'Вілаят Хорасан', 'ІДІЛ-К');
    has('isis-k', 'ar', 'ولاية خراسان');
    has('isis-k', 'fr', 'État islamique au Khorassan');
    has('isis-k', 'de', 'Islamischer Staat Provinz Khorasan', 'ISPK');
    has('krasnogorsk', 'en', 'Krasnogorsk', 'Krasnohorsk');
    has('krasnogorsk', 'ru', 'Красногорск');
    has('krasnogorsk', 'uk', 'Красногорськ');
    has('mirzoyev', 'en', 'Mirzoyev', 'Mirzoev');
    has('mirzoyev', 'ru', 'Мирзоев');
    has('mirzoyev', 'uk', 'Мірзоєв');
    has('rachabalizoda', 'en', 'Rachabalizoda', 'Rachabalizade');
    has('rachabalizoda', 'ru', 'Рачабализода');
    has('rachabalizoda', 'uk', 'Рачабалізода');
  });

  it('does not name the near-miss places as the venue (Crocus Expo, Crocus City Mall, Krasnoyarsk)', () => {
    const all = (id: string) => Object.values(byId.get(id)?.names ?? {}).flat().map((n) => n.toLowerCase());
    for (const id of ['crocus-city-hall', 'crocus-attack', 'krasnogorsk']) {
      expect(all(id)).not.toContain('crocus expo');
      expect(all(id)).not.toContain('crocus city mall');
      expect(all(id)).not.toContain('krasnoyarsk');
    }
  });
});
