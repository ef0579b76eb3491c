// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcherTable, tableSize, type CompileReport } from '../../lib/recognize/compile';
import { loadPackFile } from '../../lib/knowledge/load-node';
import { quickCheck, recognizeBlocks, recognizeDetailed, recognizePage, recognizeText } from '../../lib/recognize/recognize';
import { STRENGTH } from '../../lib/recognize/table';
import type { Entity, Recognition } from '../../lib/knowledge/schema';
import { loadPages, realTable } from './support';

/** English attack context that makes a page about the attack (no names of its own). */
const CONTEXT = 'Gunmen opened fire on the audience before a concert on 22 March 2024, killing 145 people.';

function mentionsOf(text: string, context = CONTEXT): { text: string; entity: string; kind: string }[] {
  return recognizePage([text, context], realTable()).mentions.map((m) => ({ text: m.text, entity: m.entity, kind: m.kind }));
}

describe('compiled from the pack', () => {
  const input = loadPackFile();
  const report: CompileReport = { collisions: [], skipped: [] };
  const table = compileMatcherTable(input, report);

  it('is a compact, JSON-serialisable table', () => {
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
    // The background's table (never injected into pages) grows with each language's name forms, ~30 B a form.
    expect(tableSize(table)).toBeLessThan(200_000);
    expect(table.quick.length).toBeLessThan(5_000);
    expect(JSON.stringify(table)).not.toContain('"description"');
  });

  it('compiles every name; no pattern is claimed by two entities', () => {
    expect(report.skipped).toEqual([]);
    expect(report.collisions).toEqual([]);
    const ids = new Set(input.entities.map((e) => e.id));
    for (const [id] of table.e) expect(ids.has(id)).toBe(true);
  });

  it('finds every event and venue name of the pack, in context', () => {
    const missing: string[] = [];
    for (const ent of input.entities.filter((e) => e.type === 'event' || e.type === 'venue')) {
      for (const [lang, names] of Object.entries(ent.names)) {
        for (const name of names) {
          const res = recognizePage([`${name}: ${CONTEXT}`], realTable());
          const start = name.startsWith('#') ? 1 : 0;
          if (!res.mentions.some((m) => m.start <= start && m.end >= name.length - 1 && (m.entity === ent.id || m.kind === 'event'))) {
            missing.push(`${ent.id} ${lang}: ${name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses only the pack: another pack recognizes its own names and not ours', () => {
    const entity = (id: string, type: Entity['type'], names: string[]): Entity => ({
      id,
      type,
      name: names[0] as string,
      description: 'test',
      names: { en: names },
      sources: ['S1'],
    });
    const rec: Recognition = {
      markers: ['Zorbl'],
      scripts: { suffix: { latin: 6 }, starSuffix: 10, gap: 3, minStem: 4 },
      weights: { threshold: 3, strongEvent: 4, strongVenue: 2, weak: 1, description: 1, entityDefault: { event: 0, venue: 0, place: 0, group: 0.5, person: 0.25, institution: 0.25, state: 0 } },
      cues: [{ id: 'attack', weight: 1, cap: 3, terms: { en: ['bombing', 'killed'] } }],
    };
    const other = compileMatcherTable({
      entities: [entity('zorbl-bombing', 'event', ['Zorbl Arena bombing']), entity('zorbl-arena', 'venue', ['Zorbl Arena']), entity('mayor', 'person', ['Mayor Quux'])],
      recognition: rec,
    });
    const res = recognizePage(['The Zorbl Arena bombing killed three. Mayor Quux spoke at Crocus City Hall.'], other);
    expect(res.mentions.map((m) => [m.text, m.entity, m.inner ?? false])).toEqual([
      ['Zorbl Arena bombing', 'zorbl-bombing', false],
      ['Zorbl Arena', 'zorbl-arena', true],
      ['Mayor Quux', 'mayor', false],
    ]);
    expect(quickCheck('Crocus City Hall attack', other)).toBe(false);
  });

  it('classifies names from data: markers make names specific, others are descriptions', () => {
    const strength = new Map(table.n.map(([p, , s]) => [p.replaceAll('?', ''), s]));
    expect(strength.get('crocus city hall')).toBe(STRENGTH.venue);
    expect(strength.get('crocus city hall attack')).toBe(STRENGTH.event);
    expect(strength.get('crocus')).toBe(STRENGTH.weak);
    expect(strength.get('moscow attack')).toBe(STRENGTH.description);
  });
});

describe('inflected and agglutinated forms', () => {
  it.each([
    ['ru locative', 'Зрители в Крокусе не успели выбежать.', 'Крокусе', 'crocus-city-hall'],
    ['ru quoted', 'Все, кто был в «Крокус Сити Холле», ...', 'Крокус Сити Холле', 'crocus-city-hall'],
    ['ru stem vowel', 'Суд над Рачабализодой продолжился.', 'Рачабализодой', 'rachabalizoda'],
    ['ru inner inflection', 'Показания Далерджона Мирзоева зачитали в суде.', 'Далерджона Мирзоева', 'mirzoyev'],
    ['pl', 'Po zamachu w Crocus City Hall i w Krokusie ...', 'Crocus City Hall', 'crocus-city-hall'],
    ['pl genitive', 'Ofiary Krokusa upamiętniono.', 'Krokusa', 'crocus-city-hall'],
    ['hy hyphen suffix', 'Crocus City Hall-ի համերգասրահում', 'Crocus City Hall', 'crocus-city-hall'],
    ['uz apostrophe suffix', 'Crocus City Hallʼdagi hujum', 'Crocus City Hall', 'crocus-city-hall'],
    ['tr apostrophe suffix', "Crocus City Hall'de düzenlenen saldırı", 'Crocus City Hall', 'crocus-city-hall'],
    ['kk hyphen suffix', 'Крокус Сити Холл-да болған шабуыл', 'Крокус Сити Холл', 'crocus-city-hall'],
    ['de compound', 'Vor der Crocus-Konzerthalle legten Menschen Blumen nieder.', 'Crocus-Konzerthalle', 'crocus-city-hall'],
    ['fi case ending', 'Crocus City Hallissa kuoli ihmisiä.', 'Crocus City Hallissa', 'crocus-city-hall'],
    ['hu case ending', 'a Crocus City Hallban történt', 'Crocus City Hallban', 'crocus-city-hall'],
    ['lv transliteration', 'pēc uzbrukuma Krokus Siti Hollā', 'Krokus Siti Hollā', 'crocus-city-hall'],
    ['ka transliteration + case', 'საკონცერტო დარბაზ „კროკუს სიტი ჰოლში“', 'კროკუს სიტი ჰოლში', 'crocus-city-hall'],
    ['el transliteration', 'στο Κρόκους Σίτι Χολ', 'Κρόκους Σίτι Χολ', 'crocus-city-hall'],
    ['hr foreign-name case', 'masakr u Crocus City Hallu', 'Crocus City Hallu', 'crocus-city-hall'],
    ['uk і/и', 'теракт у «Крокус Сіті Холі»', 'Крокус Сіті Холі', 'crocus-city-hall'],
    ['he prefix', 'הפיגוע בקרוקוס סיטי הול', 'קרוקוס סיטי הול', 'crocus-city-hall'],
    ['ar prefix', 'الهجوم بكروكوس سيتي هول', 'كروكوس سيتي هول', 'crocus-city-hall'],
    ['xh noun-class prefix', 'uhlaselo lwaseCrocus City Hall', 'Crocus City Hall', 'crocus-city-hall'],
    ['sn noun-class prefix', 'kurwiswa kwemagandanga paCrocus City Hall muKrasnogorsk', 'Krasnogorsk', 'krasnogorsk'],
    ['ja no spaces', 'コンサートホール「クロッカス・シティ・ホール」で銃撃', 'クロッカス・シティ・ホール', 'crocus-city-hall'],
    ['zh no spaces', '莫斯科州的克罗库斯城市音乐厅发生袭击', '克罗库斯城市音乐厅', 'crocus-city-hall'],
    ['ko particle', '크로커스 시티홀에서 테러', '크로커스 시티홀', 'crocus-city-hall'],
    ['th', 'ที่คร็อคคัส ซิตี้ ฮอลล์', 'คร็อคคัส ซิตี้ ฮอลล์', 'crocus-city-hall'],
    ['hashtag', 'Posts tagged #крокусситихолл spread fast.', 'крокусситихолл', 'crocus-attack'],
    ['machine translation', 'the attack at the Rathaus von Crocus', 'Rathaus von Crocus', 'crocus-city-hall'],
  ])('%s', (_label, text, expected, entity) => {
    const found = mentionsOf(text);
    expect(found.map((m) => m.text), JSON.stringify(found)).toContain(expected);
    expect(found.find((m) => m.text === expected)?.entity).toBe(entity);
  });

  it('respects word boundaries, case rules of short names and acronyms', () => {
    const texts = (t: string) => mentionsOf(t, `The Crocus City Hall attack: ${CONTEXT}`).map((m) => m.text);
    expect(texts('AntiCrocus protest')).not.toContain('Crocus');
    // Lower-case prefix letters attach only to a capital, at most five of them (lwaseCrocus, not a long word).
    const own = (t: string) => recognizePage([t, `The Crocus City Hall attack: ${CONTEXT}`], realTable()).mentions.filter((m) => m.block === 0);
    expect(own('uhlaselo lwaseCrocus City Hall').map((m) => m.text)).toEqual(['Crocus City Hall']);
    expect(own('uhlaselo lwasecrocus city hall')).toEqual([]);
    expect(own('uhlaselo LWASECrocus City Hall')).toEqual([]);
    expect(own('the meetupCrocus City Hall event')).toEqual([]);
    expect(texts('IS-Kämpfer in Syrien')).not.toContain('IS-Kämpfer');
    expect(texts('IS-Kämpfer in Syrien')).not.toContain('IS-K');
    expect(texts('this is k-pop')).not.toContain('is k');
    expect(texts('We had a picnic and a shot of vodka.')).not.toContain('picnic');
    expect(texts('We had a picnic and a shot of vodka.')).not.toContain('shot');
    expect(texts('IS-K claimed it.')).toContain('IS-K');
    expect(texts('The band Picnic was due to play.')).toContain('Picnic');
  });

  it('never matches across blocks', () => {
    const res = recognizePage(['He stood outside the Crocus City', 'Hall and watched. ' + CONTEXT], realTable());
    expect(res.mentions.map((m) => m.text)).not.toContain('Crocus City Hall');
  });

  it('covers closing quotes that an event name opened', () => {
    expect(mentionsOf('Суд по делу о теракте в «Крокусе» продолжился.').map((m) => m.text)).toContain('теракте в «Крокусе»');
  });
});

describe('gating: ambiguous words count only on pages about the attack', () => {
  const empty: [string, string][] = [
    ['crocus flowers', 'Crocuses bloom in early spring; plant the bulbs in autumn. Squirrels attack the corms.'],
    ['saffron', 'Saffron comes from Crocus sativus; 150,000 flowers make a kilogram of the spice.'],
    ['Crocus Expo', 'The Crocus Expo exhibition centre in Krasnogorsk hosts the motor show in August 2024.'],
    ['Crocus City Mall', 'Crocus City Mall opens new boutiques in its shopping centre.'],
    ['Crocus Group business', 'Crocus Group, founded by Aras Agalarov, won a contract worth 60 billion roubles.'],
    ['the band Krokus', 'Swiss hard rock band Krokus, fronted by Marc Storace, plays Zurich.'],
    ['Miss Universe 2013', 'Miss Universe 2013 was crowned at Crocus City Hall in Krasnogorsk.'],
    ['concert listing 2019', 'Tickets on sale: Crocus City Hall, 15 March 2019, 20:00.'],
    ['Kabul airport 2021', 'ISIS-K claimed the suicide bombing at Kabul airport that killed 170 Afghans in 2021.'],
    ['Kerman 2024', 'Islamic State claimed the Kerman bombings near Soleimani’s tomb that killed nearly 100 people in January 2024.'],
    ['Bataclan', 'Gunmen attacked the Bataclan concert hall in Paris in 2015, killing 90 people.'],
    ["Moscow's city hall", 'Moscow City Hall said Mayor Sergei Sobyanin approved the new metro line.'],
    ['Krasnogorsk news', 'Krasnogorsk opens a new riverside park, the Moscow Oblast government said.'],
    ['persons alone', 'Alexander Bortnikov met Alexander Lukashenko in Minsk to discuss border security.'],
    ['another attack in Moscow', 'Anschlag in Moskau: General getötet, der Täter floh. Die Explosion ereignete sich im Dezember 2024.'],
  ];
  it('Crocus Expo written in Chinese (the venue complex) is not the hall', () => {
    const story = '2024年3月22日，武装分子袭击了莫斯科郊外的克罗库斯城市音乐厅，造成145人死亡。';
    const res = recognizePage([story, '克罗库斯展览中心举办莫斯科国际建材展，中国展商数量创新高。'], realTable());
    expect(res.about).toBe(true);
    expect(res.mentions.filter((m) => m.block === 1).map((m) => m.entity)).not.toContain('crocus-city-hall');
  });

  it.each(empty)('%s: nothing highlighted', (_label, text) => {
    const res = recognizePage([text], realTable());
    expect(res.mentions.map((m) => m.text)).toEqual([]);
    expect(res.about).toBe(false);
  });

  it('highlights entity names once the page is about the attack', () => {
    const res = recognizePage(['Alexander Bortnikov said ISIS-K coordinated the Crocus City Hall attack.'], realTable());
    expect(res.mentions.map((m) => m.entity)).toEqual(expect.arrayContaining(['bortnikov', 'isis-k', 'crocus-attack']));
  });

  it('drops ambiguous names in a passage about something else on a page about the attack', () => {
    const res = recognizePage(
      ['Court jails four gunmen for life over the Crocus City Hall attack.', 'Garden: Crocus bulbs should be planted in autumn for a spring bloom.'],
      realTable(),
    );
    expect(res.about).toBe(true);
    expect(res.mentions.filter((m) => m.block === 1)).toEqual([]);
  });

  it('finds descriptions without the name when the page is about the attack', () => {
    const texts = (t: string) => recognizePage([t], realTable()).mentions.map((m) => `${m.text}|${m.entity}`);
    expect(texts('The gunmen who killed 145 people at a concert hall near Moscow were Tajik citizens, Islamic State said.')).toContain('concert hall near Moscow|crocus-city-hall');
    expect(texts('Kyiv denied any role in the Krasnogorsk attack, which killed 145 people.')).toContain('Krasnogorsk attack|crocus-attack');
    expect(texts('ISIS-K claimed the attack at a concert venue just outside Moscow that killed 145.')).toContain('concert venue just outside Moscow|crocus-city-hall');
    // The same words without anything specific to this attack stay unmarked.
    expect(texts('A concert hall near Moscow hosts a jazz festival this summer.')).toEqual([]);
  });
});

describe('found by a held-out probe (128 pages in 31 languages, written without looking at this table)', () => {
  const table = realTable();
  const about = (...blocks: string[]) => recognizePage(blocks, table).about;
  const pairs = (...blocks: string[]) => recognizePage(blocks, table).mentions.map((m) => `${m.text}|${m.entity}`);

  it('reads a star on an inner word of a cue as a stem: «торговый центр» counts against the venue', () => {
    for (const [pattern] of [...table.n, ...table.c]) expect(pattern, pattern).not.toContain('*');
    const score = (t: string) => recognizeDetailed([t], table).score.score;
    expect(score('Крокус Сити Холл, торговый центр')).toBeLessThan(score('Крокус Сити Холл'));
    expect(score('возле торгового центра «Крокус Сити Холл»')).toBeLessThan(score('возле «Крокус Сити Холл»'));
  });

  it('a shooting or an attack somewhere in Krasnogorsk is not the attack unless the page says more', () => {
    expect(about('Krasnogorsk shooting: man fires at neighbours from a balcony. Police detained the 54-year-old; two people were wounded.')).toBe(false);
    expect(about('Drone attack in Krasnogorsk damages an apartment block. Residents were evacuated; no one was injured.')).toBe(false);
    expect(about('Стрельба в Красногорске: задержан мужчина, открывший огонь у торгового центра. Пострадавший ранен в ногу.')).toBe(false);
    expect(about('The Krasnogorsk shooting of 22 March 2024 killed 145 people; Islamic State claimed it.')).toBe(true);
    expect(about('Kyiv denied any role in the Krasnogorsk attack, which killed more than 140 people.')).toBe(true);
  });

  it('agencies named in any Russian security story (Investigative Committee, "Ukrainian special services") are not evidence of this attack', () => {
    const story = 'Следственный комитет возбудил уголовное дело, ФСБ заявила, что преступление подготовлено украинскими спецслужбами.';
    expect(about(`Теракт в Подмосковье: при взрыве автомобиля погибла журналистка. ${story}`)).toBe(false);
    expect(about(`Теракт в Подмосковье 22 марта унёс жизни 145 человек. ${story}`)).toBe(true);
  });

  it('a bare "Crocus" a time after ("a year after Crocus", «спустя год после «Крокуса»») names the venue', () => {
    expect(pairs('A year after Crocus, Tajik migrants in Russia still live in fear.')).toContain('Crocus|crocus-city-hall');
    expect(about('Спустя год после «Крокуса» многие москвичи боятся концертов. Психологи говорят о травме после теракта.')).toBe(true);
    expect(about('Plant tulips a few weeks after Crocus and snowdrops have faded; the bulbs want a sunny spot in the garden.')).toBe(false);
    expect(about('A year after Crocus Expo hosted the motor show, the fair returns to Krasnogorsk.')).toBe(false);
  });

  it('one stretch of text is one cue, however many languages spell it alike', () => {
    const score = (t: string) => recognizeDetailed([t], table).score.score;
    // "22 марта" is the Russian date and, with an ending, the Bulgarian "22 март"; "terrorist" fits three stems.
    expect(score('Крокус Сити Холл, 22 марта') - score('Крокус Сити Холл')).toBe(1);
    expect(score('Crocus City Hall terrorist') - score('Crocus City Hall')).toBe(1);
  });

  it('a short cue word takes a short ending only, so it does not match longer words of other languages', () => {
    // Turkish "ölü" (dead) is not "oluyor"; the Swedish "offer" (victims) is gone, English has it as a verb.
    expect(about("Crocus City Hall'de Sting konseri: biletlere yoğun ilgi oluyor.")).toBe(false);
    expect(about('Sting live at Crocus City Hall. Early-bird offer for fans who book this week.')).toBe(false);
    // A salad bar or a salon near Moscow is not a venue on a page about the attack.
    expect(pairs('Crocus City Hall attack: 145 killed on 22 March 2024.', 'The best salad bar in Moscow opened on Tverskaya.')).not.toContain(
      expect.stringMatching(/^salad/),
    );
  });

  it('a tour announcement that ends at the venue, with a date in its table, is not the attack', () => {
    expect(
      about(
        'Группа «Пикник» объявила большой тур 2019 года: финал — 9 ноября в «Крокус Сити Холле».',
        'Дата Город Площадка 2 марта Санкт-Петербург 22 марта Новосибирск 9 ноября Москва Крокус Сити Холл',
        'Билеты уже в продаже.',
      ),
    ).toBe(false);
  });

  it('more names of the Investigative Committee, IS and IS-K', () => {
    expect(mentionsOf('El Comité de Investigación abrió una causa por el atentado en Crocus City Hall.')).toContainEqual(expect.objectContaining({ text: 'Comité de Investigación', entity: 'investigative-committee' }));
    expect(mentionsOf('Der Islamische Staat reklamierte den Anschlag auf die Crocus City Hall für sich.')).toContainEqual(expect.objectContaining({ text: 'Islamische Staat', entity: 'islamic-state' }));
    expect(mentionsOf('Lo Stato Islamico – Provincia del Khorasan ha rivendicato la strage al Crocus City Hall.')).toContainEqual(
      expect.objectContaining({ text: 'Stato Islamico – Provincia del Khorasan', entity: 'isis-k' }),
    );
  });

  it('names are shown near what the page says about the attack, not in a report a sidebar headline sits next to', () => {
    const tennis = [
      'Medvedev battles past Fritz to reach Indian Wells semi-finals',
      'Daniil Medvedev saved two set points in a tense second-set tie-break to beat Taylor Fritz.',
      'By Chris Dalton, March 15, 2024',
      'Medvedev will face Alcaraz or Zverev for a place in the final.',
      'Tennis ATP Indian Wells',
      'Six Nations: Ireland crowned champions',
      'Premier League: five things we learned',
      'Top stories',
      'Crocus City Hall attack: Russia marks one year since the massacre of 145 concertgoers',
    ];
    const res = recognizePage(tennis, table);
    expect(res.about).toBe(true);
    expect(res.mentions.map((m) => `${m.block}|${m.text}|${m.entity}`)).toEqual(['8|Crocus City Hall attack|crocus-attack', '8|Crocus City Hall|crocus-city-hall']);
    // In an article about the attack, names a few paragraphs from the last word about it are still shown.
    const article = [
      'Gunmen killed 145 people at Crocus City Hall on 22 March 2024.',
      'Dmitry Medvedev called for revenge.',
      'Dmitry Peskov declined to comment on the investigation.',
      'Vladimir Putin met the head of the FSB on Monday.',
    ];
    expect(recognizePage(article, table).mentions.map((m) => m.entity)).toEqual(expect.arrayContaining(['medvedev', 'peskov', 'putin', 'fsb']));
  });

  it('on a long page about something else, names are shown in its section on the attack, not by every other attack', () => {
    const filler = (i: number) => `Section ${i}: the group's finances and its recruiters in the region were studied at length.`;
    const iskp = [
      'Islamic State – Khorasan Province: origins, leaders and operations',
      'The group was founded in 2015 by defectors from the Pakistani Taliban.',
      filler(1),
      filler(2),
      'In August 2021 IS-K claimed the suicide bombing at Kabul airport, which killed 170 civilians and 13 US troops.',
      'American officials said the bombers had been trained in Nangarhar; the FSB was not involved.',
      ...Array.from({ length: 5 }, (_, i) => filler(i + 3)),
      'In October 2015 the Islamic State claimed the bombing of Metrojet Flight 9268 over Sinai.',
      'After that attack, investigators traced the bomb to a cell in Egypt.',
      'The attack led to new screening rules at airports.',
      'Each later attack on civilians tested those rules again.',
      'Then came the deadliest attack of all.',
      'On 22 March 2024 gunmen attacked Crocus City Hall in Krasnogorsk; IS-K claimed the attack through Amaq.',
      'Alexander Bortnikov, the director of the FSB, blamed Ukraine for the attack.',
      ...Array.from({ length: 4 }, (_, i) => filler(i + 13)),
      'In January 2024 IS-K bombed a memorial procession in Kerman, Iran; Vladimir Putin sent condolences after the attack.',
    ];
    const res = recognizePage(iskp, table);
    expect(res.about).toBe(true);
    const shown = (b: number) => res.mentions.filter((m) => m.block === b).map((m) => m.entity);
    // The section on this attack, and the paragraph after it.
    expect(shown(16)).toEqual(expect.arrayContaining(['crocus-city-hall', 'isis-k', 'amaq']));
    expect(shown(17)).toEqual(expect.arrayContaining(['bortnikov', 'fsb']));
    // The Kabul, Sinai and Kerman paragraphs speak of attacks too, but not of this one (the Sinai one also leads up
    // to the section: only the block just before it belongs to the section).
    expect([...shown(4), ...shown(5), ...shown(11), ...shown(22)]).toEqual([]);
    // A page that names the attack in its headline is about it throughout, however far its paragraphs go.
    const article = ['Crocus City Hall attack: what we know', ...iskp.slice(1)];
    expect(recognizePage(article, table).mentions.filter((m) => m.block === 22).map((m) => m.entity)).toEqual(expect.arrayContaining(['isis-k', 'putin']));
  });

  it('a section heading that names the attack near the top opens a section on it, not a page about it', () => {
    const filler = (i: number) => `Paragraph ${i}: the region's economy and its young people were studied at length.`;
    const blocks = [
      'Dagestan attacks: why the jihadist threat is rising again',
      'Gunmen attacked churches and a synagogue in Derbent and Makhachkala on 23 June.',
      ...Array.from({ length: 8 }, (_, i) => filler(i + 1)),
      'In the shadow of Crocus City Hall',
      'Three months earlier, gunmen had killed 145 people at Crocus City Hall near Moscow; IS-K claimed the attack.',
      ...Array.from({ length: 4 }, (_, i) => filler(i + 9)),
      'Since 1999 Vladimir Putin has answered each attack in the region with security operations.',
    ];
    const heading = blocks.map((_, i) => (i === 0 ? 1 : i === 10 ? 2 : 0));
    const shown = (layout: { heading?: number[] }, b: number) =>
      recognizeDetailed(blocks, table, layout).result.mentions.filter((m) => m.block === b).map((m) => m.entity);
    // Read as plain text, the 11th block names the attack: the whole analysis reads as being about it.
    expect(shown({}, 16)).toContain('putin');
    // Read as the h2 it is, it opens a section on the attack (its paragraph, in the lead too, belongs to the
    // section), whose names are shown; Putin's paragraph lies outside it.
    expect(shown({ heading }, 11)).toEqual(expect.arrayContaining(['crocus-city-hall', 'isis-k']));
    expect(shown({ heading }, 16)).toEqual([]);
    // A standfirst set in an h2 right under the headline is the story's lead, not a section heading.
    const story = [
      'The warning nobody heeded',
      'How the Crocus City Hall attack was foretold two weeks before it happened',
      ...Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1}: the embassy's notice was posted on its website.`),
      'Vladimir Putin later blamed Ukraine for the attack.',
    ];
    const storyShown = (layout: { heading: number[] }) =>
      recognizeDetailed(story, table, layout).result.mentions.filter((m) => m.block === 22).map((m) => m.entity);
    expect(storyShown({ heading: story.map((_, i) => (i === 0 ? 1 : i === 1 ? 2 : 0)) })).toContain('putin');
    // The same h2 further down, after a paragraph of its own, opens a section.
    const later = [story[0], 'Paragraph 0: a note from the embassy.', ...story.slice(1)];
    const laterShown = recognizeDetailed(later, table, { heading: later.map((_, i) => (i === 0 ? 1 : i === 2 ? 2 : 0)) }).result.mentions;
    expect(laterShown.filter((m) => m.block === 23).map((m) => m.entity)).toEqual([]);
  });

  it('on a page with a section on the attack, the rows and entries next to the one on it are read on their own', () => {
    const filler = (i: number) => `Paragraph ${i}: the year brought elections, floods and a record harvest.`;
    const rows = [
      ['17 March', 'Vladimir Putin was declared the winner of the presidential election.'],
      ['22 March: the Crocus City Hall attack', 'Gunmen attacked Crocus City Hall in Krasnogorsk; IS-K claimed the attack.'],
      ['24 March', 'Alexander Bortnikov, the director of the FSB, blamed Ukraine for the attack.'],
      ['25 March', 'Vladimir Putin visited a flooded region after the attack on the dam.'],
    ];
    const blocks = ['2024 in Russia', ...Array.from({ length: 16 }, (_, i) => filler(i + 1)), ...rows.flat()];
    // Each row is an item: its date cell and its text share a number.
    const item = blocks.map((_, i) => (i < 17 ? 0 : 1 + Math.floor((i - 17) / 2)));
    const shown = (layout: { item?: number[] }, b: number) =>
      recognizeDetailed(blocks, table, layout).result.mentions.filter((m) => m.block === b).map((m) => m.entity);
    // Read as running text, the rows around the one on the attack take its context: Putin's election is marked,
    // and so is his visit to the flood, next to the row on the FSB's claim.
    expect([...shown({}, 18), ...shown({}, 24)]).toEqual(['putin', 'putin']);
    // Read as the rows they are, the row on the attack and the one that speaks of it show their names; the rows on
    // other subjects before and after them stay unmarked.
    expect(shown({ item }, 20)).toEqual(expect.arrayContaining(['crocus-city-hall', 'isis-k']));
    expect(shown({ item }, 22)).toEqual(expect.arrayContaining(['bortnikov', 'fsb']));
    expect([...shown({ item }, 18), ...shown({ item }, 24)]).toEqual([]);
    // On a page about the attack (it names it in its lead) the rows still read as one text.
    const about = ['Crocus City Hall attack: a chronology', ...blocks.slice(1)];
    expect(recognizeDetailed(about, table, { item }).result.mentions.filter((m) => m.block === 22).map((m) => m.entity)).toContain('bortnikov');
  });

  it('a fact box whose row names the attack near the top opens a section on it, not a page about it', () => {
    const filler = (i: number) => `Paragraph ${i}: the festival had drawn families from the whole region that evening.`;
    const blocks = [
      'One year after Solingen: what we know about the knife attack',
      'At a glance',
      'Date', '23 August 2024, around 9.40 pm',
      'Victims', 'three dead, eight injured',
      'Compare', 'The attack on Crocus City Hall near Moscow (March 2024)',
      ...Array.from({ length: 14 }, (_, i) => filler(i + 1)),
      'Since 2000 Vladimir Putin has named every attack in Russia an act of terror.',
    ];
    const heading = blocks.map((_, i) => (i === 0 ? 1 : i === 1 ? 2 : 0));
    // The box's rows are items; in the second layout the whole story is one item of a feed, headline included.
    const item = blocks.map((_, i) => (i >= 2 && i <= 7 ? 1 + Math.floor((i - 2) / 2) : 0));
    const story = blocks.map(() => 9);
    const shown = (layout: { heading: number[]; item?: number[] }) =>
      recognizeDetailed(blocks, table, layout).result.mentions.filter((m) => m.block === 22).map((m) => m.entity);
    // Read as running text, the row is the page's first words on the attack, in its lead: about it throughout.
    expect(shown({ heading })).toContain('putin');
    // Read as a row of a box, it names the attack by the way: Putin, far below, is not marked.
    expect(shown({ heading, item })).toEqual([]);
    expect(recognizeDetailed(blocks, table, { heading, item }).result.mentions.filter((m) => m.block === 7).map((m) => m.entity)).toContain('crocus-city-hall');
    // A story that is itself an item (an article among the next ones a site appends) is still the story.
    const about = ['The attack on Crocus City Hall: one year on', ...blocks.slice(1)];
    expect(recognizeDetailed(about, table, { heading, item: story }).result.mentions.filter((m) => m.block === 22).map((m) => m.entity)).toContain('putin');
  });

  it('on a page with a section on the attack, a sub-heading ends what the section reaches', () => {
    const filler = (i: number) => `Paragraph ${i}: Tajik workers sent home a third of the country's income that year.`;
    const blocks = [
      'Remittances to Tajikistan: a record year',
      ...Array.from({ length: 16 }, (_, i) => filler(i + 1)),
      'Emomali Rahmon met Vladimir Putin in Moscow to discuss the quotas for workers.',
      'After March',
      'After gunmen attacked Crocus City Hall, Russian police checked thousands of Tajik workers.',
      'Investigators said the attack had been planned for weeks.',
      'The Tajik Foreign Ministry called the reports of new suspects fake.',
      'Money from Russia',
      'Vladimir Putin said the attack would not change the rules for workers.',
    ];
    const heading = blocks.map((_, i) => (i === 0 ? 1 : i === 18 || i === 22 ? 2 : 0));
    const shown = (b: number) => recognizeDetailed(blocks, table, { heading }).result.mentions.filter((m) => m.block === b).map((m) => m.entity);
    // The section's own paragraphs show their names...
    expect(shown(19)).toContain('crocus-city-hall');
    expect(shown(21)).toContain('tajikistan-mfa');
    // ...but not the paragraph above its heading, nor the next section, for all that both lie within three blocks
    // of a paragraph that speaks of the attack.
    expect([...shown(17), ...shown(23)]).toEqual([]);
  });

  it('a page that names the attack once, under a sub-heading, tells it in passing', () => {
    const filler = (i: number) => `Paragraph ${i}: the new law sets a language test and a register of workers.`;
    const law = [
      'Russia tightens its migration law: what changes for Tajik workers',
      'Vladimir Putin signed the law on Monday; it takes effect in January.',
      ...Array.from({ length: 3 }, (_, i) => filler(i + 1)),
      "Moscow's case",
      'Dmitry Peskov said the law would bring order to migration.',
      'Since the attack on Crocus City Hall, police have checked migrants more often.',
      ...Array.from({ length: 3 }, (_, i) => filler(i + 4)),
      'Maria Zakharova said the Tajik government had been consulted on the attack on its workers\' rights.',
    ];
    const heading = law.map((_, i) => (i === 0 ? 1 : i === 5 ? 2 : 0));
    const shown = (blocks: string[], b: number) =>
      recognizeDetailed(blocks, table, { heading }).result.mentions.filter((m) => m.block === b).map((m) => m.entity);
    expect(shown(law, 7)).toContain('crocus-city-hall');
    // Read as about the attack throughout, the paragraph on Zakharova, which speaks of an attack on rights, would
    // show her name; as a page that mentions the attack in passing, it does not, nor does Putin above.
    expect([...shown(law, 1), ...shown(law, 11)]).toEqual([]);
    // A story that names the attack twice is about it, sub-heading or not.
    const story = [...law];
    story[9] = 'Relatives of the victims of the Crocus City Hall attack asked for the same checks.';
    expect(shown(story, 11)).toContain('zakharova');
  });

  it('a page that names the attack once below its first paragraphs and says little else of it shows only that passage', () => {
    const para = (i: number) => `Paragraph ${i}: the president answered questions on prices, pensions and the harvest.`;
    const blocks = [
      "Putin's annual press conference: four hours on the economy",
      'By our correspondent',
      ...Array.from({ length: 6 }, (_, i) => para(i + 1)),
      'The FSB, he said, had been given more officers to check migrants at the borders.',
      'Asked about security, he recalled the attack on Crocus City Hall in Krasnogorsk, which the Islamic State claimed.',
      'Dmitry Peskov said the Kremlin would publish the full transcript.',
      ...Array.from({ length: 6 }, (_, i) => para(i + 7)),
    ];
    const heading = blocks.map((_, i) => (i === 0 ? 1 : 0));
    const res = recognizeDetailed(blocks, table, { heading }).result;
    const shown = (b: number) => res.mentions.filter((m) => m.block === b).map((m) => m.entity);
    expect(shown(9)).toEqual(expect.arrayContaining(['crocus-city-hall', 'krasnogorsk', 'islamic-state']));
    // The paragraphs beside it are on something else: their FSB, Peskov and Kremlin are not marked.
    expect([...shown(8), ...shown(10)]).toEqual([]);
    // A story that keeps speaking of the attack (its toll, its date) is about it, the same single naming or not.
    const story = blocks.map((b, i) => (i >= 2 && i < 8 ? `Paragraph ${i - 1}: 145 people were killed in the attack on 22 March.` : b));
    expect(recognizeDetailed(story, table, { heading }).result.mentions.filter((m) => m.block === 10).map((m) => m.entity)).toContain('peskov');
  });

  it("a page whose cues are the owners' business but which names the attack with strong evidence shows its section on it", () => {
    const blocks = [
      'Aras Agalarov',
      'Aras Agalarov is a property developer, the founder of Crocus Group.',
      'His company built the Crocus Expo exhibition centre, the largest trade fair venue near Moscow, and a shopping mall.',
      'In 2013 the Miss Universe pageant was held at Crocus City Hall; Agalarov met the pageant owner there.',
      'Revenue from the exhibitors and the mall grew every year; the developer won a contract for two stadiums.',
      'His son Emin Agalarov, a singer, is the vice-president of Crocus Group.',
      'Attack on Crocus City Hall',
      'On 22 March 2024 gunmen attacked Crocus City Hall in Krasnogorsk during a concert by Picnic, killing 145 people; the Islamic State claimed the attack through Amaq.',
      'Vladimir Putin blamed Ukraine; Andrei Vorobyov, the governor, said the hall would be demolished.',
      'Later years',
      'Emin Agalarov went on touring; Crocus Group held trade fairs again at the exhibition centre.',
    ];
    const heading = blocks.map((_, i) => (i === 0 ? 1 : i === 6 || i === 9 ? 2 : 0));
    const res = recognizeDetailed(blocks, table, { heading });
    const shown = (b: number) => res.result.mentions.filter((m) => m.block === b).map((m) => m.entity);
    // The cues (a trade fair, a mall, a pageant, a developer) outweigh the attack: scored alone, the page is not
    // about it, yet it names the venue and the attack with its date, its toll and who claimed it.
    expect(res.score.score).toBeLessThan(table.w[0]);
    expect(shown(7)).toEqual(expect.arrayContaining(['crocus-city-hall', 'krasnogorsk', 'picnic', 'islamic-state', 'amaq']));
    expect(shown(8)).toEqual(expect.arrayContaining(['putin', 'vorobyov']));
    // Only that section: not the pageant at the venue, nor the son, the company and its fairs before and after it.
    expect([...shown(1), ...shown(3), ...shown(5), ...shown(10)]).toEqual([]);
    // With nothing but the venue's business, the page is about nothing the extension shows.
    expect(recognizeDetailed(blocks.slice(0, 6), table, {}).result.mentions).toEqual([]);
  });

  it('takes the first h2 as the headline of a page that has no h1', () => {
    const blocks = [
      'Moscow concert hall attack: 137 dead, IS claims responsibility',
      'By our correspondent',
      ...Array.from({ length: 18 }, (_, i) => `Paragraph ${i + 1}: rescuers searched the ruins through the night after the attack.`),
      'Maria Zakharova asked on what grounds Washington ruled Ukraine out.',
    ];
    const shown = (heading: number[]) =>
      recognizeDetailed(blocks, table, { heading }).result.mentions.filter((m) => m.block === 20).map((m) => m.entity);
    // Set in an h2, the headline is the headline, not a section heading: the page is about the attack throughout.
    expect(shown(blocks.map((_, i) => (i === 0 ? 2 : 0)))).toContain('zakharova');
    // On a page with an h1 further down, the same h2 is a section heading.
    expect(shown(blocks.map((_, i) => (i === 19 ? 1 : i === 0 ? 2 : 0)))).toEqual([]);
  });

  it('on a page about the town, an ambiguous name alone does not open a section on the attack', () => {
    const filler = (i: number) => `Part ${i}: the town's optical works and its parks grew in those years.`;
    const blocks = [
      'Krasnogorsk: a town north-west of the capital',
      ...Array.from({ length: 16 }, (_, i) => filler(i + 1)),
      'On 22 March 2024 gunmen attacked Crocus City Hall, on the edge of the town; IS-K claimed the attack.',
      ...Array.from({ length: 6 }, (_, i) => filler(i + 17)),
      'Krasnogorsk has a direct rail link to central Moscow.',
      filler(30),
      filler(31),
      'Crocus City is a business district by the Moscow ring road.',
    ];
    const shown = (b: number) =>
      recognizeDetailed(blocks, table, { heading: blocks.map((_, i) => (i === 0 ? 1 : 0)) })
        .result.mentions.filter((m) => m.block === b)
        .map((m) => m.entity);
    expect(shown(17)).toEqual(expect.arrayContaining(['crocus-city-hall', 'isis-k']));
    // "Crocus City" with nothing about an attack beside it is the district, not a section on the attack: the rail
    // link three blocks before it is the town's own business, and the district is not marked as the venue.
    expect(shown(24)).toEqual([]);
    expect(shown(27)).toEqual([]);
  });

  it('a story under a long run of page chrome has its lead at its headline, not at the top of the page', () => {
    const chrome = ['We use cookies to personalise content.', 'Accept', 'Settings', 'Daily Courier', 'Markets close higher', 'Home › World › Europe'];
    const story = [
      'Thirteen minutes in March',
      'How investigators reconstruct the evening, and where their accounts diverge.',
      'By a staff correspondent',
      '20 April 2024',
      'Contents',
      ...['The hall', 'The evening', 'The escape', 'The toll', 'The claim', 'The blame'],
      'The hall',
      'The venue was Crocus City Hall in Krasnogorsk, just outside Moscow.',
      'The evening',
      'Gunmen opened fire in the foyer shortly before the concert was due to begin.',
      'The attackers then set fire to the auditorium, according to the Investigative Committee.',
      'The escape',
      'Overnight the car was stopped in Bryansk region.',
      'Eleven people had been detained by the morning.',
      'The toll',
      'By the end of March the toll had risen to 144 dead; hundreds were injured in the attack.',
      'The claim',
      'The Islamic State claimed the attack through its Amaq agency the same night.',
      'Alexander Bortnikov reported the arrests to the president after the attack.',
    ];
    const blocks = [...chrome, ...story];
    const heading = blocks.map((_, i) => (i === chrome.length ? 1 : 0));
    const shown = (layout: { heading?: number[] }) =>
      recognizeDetailed(blocks, table, layout).result.mentions.filter((m) => m.block === blocks.length - 1).map((m) => m.entity);
    // Read from the top, the venue is first named in the 19th block: the page reads as one about something else
    // with a section on the attack, and Bortnikov, eleven blocks on, lies outside it.
    expect(shown({})).toEqual([]);
    // Its lead starts at the kicker's place, the block before the headline: the venue is named in its 14th block.
    expect(shown({ heading })).toContain('bortnikov');
  });

  it('names in more languages and their inflected forms (court, spokesman, suspects)', () => {
    const found = (text: string) => recognizePage([`${text}`, 'Crocus City Hall, 22 March 2024: 145 killed in the attack.'], table).mentions.map((m) => `${m.text}|${m.entity}`);
    expect(found('Obžalovaní byli Basmanným soudem posláni do vazby; Muchammadsobir Fajzov přijel na vozíku.')).toEqual(
      expect.arrayContaining(['Basmanným soudem|basmanny-court', 'Muchammadsobir Fajzov|faizov']),
    );
    expect(found('კრემლის სპიკერმა დმიტრი პესკოვმა განაცხადა')).toContain('დმიტრი პესკოვმა|peskov');
    expect(found('ムハンマドソビル・ファイゾフ被告はバスマンヌイ地区裁判所に出廷した')).toEqual(
      expect.arrayContaining(['ムハンマドソビル・ファイゾフ|faizov', 'バスマンヌイ地区裁判所|basmanny-court']),
    );
    expect(found('A magyar sajtó szerint Vlagyimir Putyin Ukrajnát vádolta.')).toContain('Vlagyimir Putyin|putin');
    expect(found('Basmannyin piirioikeus vangitsi epäillyt.')).toContain('Basmannyin piirioikeus|basmanny-court');
    expect(found('Die Halle hatte der Unternehmer Aras Agalarow bauen lassen; Gouverneur Andrei Worobjow kam.')).toEqual(
      expect.arrayContaining(['Aras Agalarow|agalarov-aras', 'Andrei Worobjow|vorobyov']),
    );
    expect(found('俄罗斯联邦安全局局长博尔特尼科夫表示')).toEqual(expect.arrayContaining(['俄罗斯联邦安全局|fsb', '博尔特尼科夫|bortnikov']));
  });

  it('furniture (menus, sidebars, footers) is read item by item, and an article about another attack keeps its names', () => {
    const blocks = [
      'Twenty years after Beslan',
      'Gunmen seized a school in Beslan in 2004; Vladimir Putin ordered an inquiry and the FSB stormed it.',
      'Most read',
      'Crocus City Hall attack: Putin blames Ukraine',
      'Putin vows to attack corruption',
      'Planting crocus corms before the frost',
    ];
    const furniture = [false, false, true, true, true, true];
    const shown = (f: boolean[]) => recognizeDetailed(blocks, table, { furniture: f }).result.mentions.map((m) => `${m.block}|${m.entity}`);
    // Read as one flow of text, the sidebar headline lends its context to the article and the items around it.
    expect(shown([])).toEqual(expect.arrayContaining(['1|putin', '1|fsb', '4|putin']));
    // Read with the page's structure: only the item that names the attack shows its names (an attack word alone
    // does not make "Putin vows to attack corruption" about it, nor does a lone "crocus").
    expect(shown(furniture)).toEqual(['3|crocus-attack', '3|crocus-city-hall', '3|putin']);
    // When the article names the attack itself, its names are shown again; the other items still are not.
    const about = ['Gunmen killed 145 people at Crocus City Hall.', ...blocks.slice(1)];
    const mentions = recognizeDetailed(about, table, { furniture }).result.mentions.map((m) => `${m.block}|${m.entity}`);
    expect(mentions).toEqual(expect.arrayContaining(['0|crocus-city-hall', '1|putin', '1|fsb', '3|putin']));
    expect(mentions.filter((m) => /^[45]\|/.test(m))).toEqual([]);
    // A story set at the venue before the attack, made "about" by a sidebar item: only the item is marked.
    const pageant = ['Miss Universe 2013 was crowned at Crocus City Hall near Moscow on 9 November 2013.', 'Most read', 'Crocus City Hall attack: 145 killed'];
    expect(recognizeDetailed(pageant, table, { furniture: [false, true, true] }).result.mentions.map((m) => `${m.block}|${m.entity}`)).toEqual(['2|crocus-attack', '2|crocus-city-hall']);
    expect(recognizeDetailed(pageant, table).result.mentions.map((m) => m.block)).toContain(0);
  });

  it('Hebrew: the article dropped after a prefix («בפיגוע במוסקבה») is still the attack', () => {
    expect(pairs('עלה מספר ההרוגים בפיגוע במוסקבה ל-145; ארבעה חשודים נעצרו במחוז בריאנסק')).toEqual(
      expect.arrayContaining(['פיגוע במוסקבה|crocus-attack', 'מחוז בריאנסק|bryansk-oblast']),
    );
  });

  it('a concert (not a concert hall) near Moscow, and more names of Moscow', () => {
    expect(pairs('Im März 2024 verübten IS-Anhänger den Anschlag auf ein Rockkonzert nahe Moskau, bei dem 145 Menschen starben.')).toContain(
      'Anschlag auf ein Rockkonzert nahe Moskau|crocus-attack',
    );
    expect(pairs('La matanza de Krasnogorsk, un año después: 145 muertos.')).toContain('matanza de Krasnogorsk|crocus-attack');
    expect(mentionsOf('a Moszkva melletti Crocus City Hall koncertteremben')).toContainEqual({ text: 'Moszkva', entity: 'moscow', kind: 'place' });
    expect(mentionsOf('ที่คร็อคคัส ซิตี้ ฮอลล์ ชานกรุงมอสโก')).toContainEqual({ text: 'มอสโก', entity: 'moscow', kind: 'place' });
    expect(mentionsOf('Далерҷон Мирзоев ва Шамсиддин Фаридунӣ дар суд')).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'Далерҷон Мирзоев', entity: 'mirzoyev' }), expect.objectContaining({ text: 'Шамсиддин Фаридунӣ', entity: 'fariduni' })]),
    );
  });

  it('Japanese breaking news: 「22日夜」 and 「発砲」 count as the date and the attack', () => {
    expect(about('モスクワ郊外クラスノゴルスクのコンサートホールで22日夜、迷彩服姿の男らが観客に向けて発砲し、少なくとも40人が死亡した。')).toBe(true);
    expect(about('クラスノゴルスクのコンサートホールで来月、ジャズの公演が開かれる。')).toBe(false);
  });

  it('a place that says where a named venue is does not make an attack description of the words around it', () => {
    const found = pairs('21:05 Uhr: In der Crocus City Hall in Krasnogorsk haben Bewaffnete das Feuer eröffnet. Der Anschlag vom 22. März forderte 145 Tote.');
    expect(found).toContain('Crocus City Hall|crocus-city-hall');
    expect(found.filter((p) => p.endsWith('|crocus-attack'))).toEqual([]);
  });
});

describe('the seed article', () => {
  it('is about the attack, with its venue, group and people', () => {
    const text = readFileSync(new URL('../../seeds/000_ac573e2a3b29c701.txt', import.meta.url), 'utf8');
    const res = recognizeText(text, realTable());
    expect(res.about).toBe(true);
    const pairs = res.mentions.map((m) => `${m.text}|${m.entity}`);
    for (const p of ['Crocus City Hall|crocus-city-hall', 'Alexander Bortnikov|bortnikov', 'IS-K|isis-k', 'Wilayat Khorasan|isis-k', 'Moscow attack|crocus-attack']) {
      expect(pairs).toContain(p);
    }
    // States count as context ("quietTypes") but are not highlighted: "Russia", "U.S." are everywhere.
    expect(res.mentions.filter((m) => m.kind === 'state')).toEqual([]);
    expect(res.about).toBe(true);
    expect(pairs.filter((p) => p.startsWith('France'))).toEqual([]); // "France24" is an outlet, not France
  });
});

describe('quick check and offsets', () => {
  const table = realTable();

  it('passes every fixture page about the attack, and texts with soft hyphens or decomposed accents', () => {
    for (const page of loadPages().filter((p) => p.about)) expect(quickCheck(page.text, table), page.id).toBe(true);
    expect(quickCheck('Cro\u00ADcus City Hall', table)).toBe(true);
    expect(quickCheck('КРОКУС', table)).toBe(true);
  });

  it('rejects long unrelated text', () => {
    const text = 'The committee approved the budget for schools and roads. Правительство утвердило бюджет. 政府批准了预算。 '.repeat(20_000);
    expect(quickCheck(text, table)).toBe(false);
  });

  it('the recognizer equals quick check + recognizer on the fixtures (the sentinel loses nothing)', () => {
    for (const page of loadPages()) {
      const blocks = page.text.split('\n');
      expect(recognizePage(blocks, table), page.id).toEqual(recognizeBlocks(blocks, table));
    }
  });

  it('reports offsets into the whole text for multi-paragraph texts', () => {
    const text = `Headline\n\nGunmen stormed Crocus City Hall near Moscow.\n${CONTEXT}`;
    const res = recognizeText(text, table);
    expect(res.mentions.length).toBeGreaterThan(0);
    for (const m of res.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(res.mentions.some((m) => m.text === 'Crocus City Hall')).toBe(true);
  });

  it('stays fast on adversarial repetition (no backtracking blow-up)', () => {
    const blocks = ['крокус сити крокус-сити-крокус '.repeat(3_000), 'Crocus Crocus City Crocus City City '.repeat(3_000), 'كروكوس '.repeat(5_000)];
    const res = recognizeBlocks(blocks, table);
    expect(res.about).toBe(false);
  });
});
