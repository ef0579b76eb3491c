import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleParts, serializePack } from '../../lib/knowledge/assemble';
import { PACK_PATH, PARTS_DIR } from '../../lib/knowledge/load-node';
import { assertValidPack, dateSpan, formatErrors, PackValidationError, validatePack, type PackError } from '../../lib/knowledge/validate';
import { minimalPack, realPackData, type MutablePack } from './fixtures/packs';

/** Validates a broken copy of the fixture and returns its errors (the pack must be invalid). */
function errorsOf(breakIt: (p: MutablePack) => void): PackError[] {
  const pack = minimalPack();
  breakIt(pack);
  const result = validatePack(pack);
  if (result.ok) throw new Error('expected the broken pack to be invalid');
  return result.errors;
}

/** Asserts that one error has exactly this path and a message matching `message`. */
function expectError(errors: PackError[], path: string, message: RegExp): void {
  const hit = errors.find((e) => e.path === path && message.test(e.message));
  expect(hit, `no error at ${path} matching ${String(message)}; got:\n${formatErrors(errors)}`).toBeDefined();
}

describe('validatePack: the minimal fixture', () => {
  it('is valid', () => {
    const result = validatePack(minimalPack());
    expect(result.ok ? [] : formatErrors(result.errors)).toEqual([]);
  });
});

describe('validatePack: broken packs name the right path', () => {
  it('dangling claimant', () => {
    const errors = errorsOf((p) => (p.claims[1].claimant = 'nobody-known'));
    expectError(errors, '$.claims[id=C02].claimant', /unknown claimant entity id "nobody-known"/);
    expect(errors).toHaveLength(1);
  });

  it('dangling attribution target, actor, partOf, timeline claim, seed claim and seed timeline', () => {
    const errors = errorsOf((p) => {
      p.claims[1].attributes[0].target = 'ghost';
      p.timeline[0].actors.push('ghost-actor');
      p.entities[5].partOf = ['ghost-group'];
      p.timeline[1].claims = ['C99'];
      p.seed.statements[0].claims = ['C98'];
      p.seed.statements[0].timeline = ['T99'];
    });
    expectError(errors, '$.claims[id=C02].attributes[0].target', /unknown attribution target entity id "ghost"/);
    expectError(errors, '$.timeline[id=T01].actors[1]', /unknown actor entity id "ghost-actor"/);
    expectError(errors, '$.entities[id=test-gunman].partOf[0]', /unknown entity id "ghost-group"/);
    expectError(errors, '$.timeline[id=T02].claims[0]', /unknown claim id "C99"/);
    expectError(errors, '$.seed.statements[0].claims[0]', /unknown claim id "C98"/);
    expectError(errors, '$.seed.statements[0].timeline[0]', /unknown timeline id "T99"/);
  });

  it('dangling source ids everywhere', () => {
    const errors = errorsOf((p) => {
      p.claims[0].sources = ['S1', 'S404'];
      p.event.summary[0].sources = ['S405'];
      p.event.casualties[0].sources = ['S406'];
      p.timeline[1].sources = ['S407'];
      p.entities[0].sources = ['S408'];
      p.seed.source = 'S409';
    });
    expectError(errors, '$.claims[id=C01].sources[1]', /unknown source id "S404"/);
    expectError(errors, '$.event.summary[0].sources[0]', /unknown source id "S405"/);
    expectError(errors, '$.event.casualties[id=K01].sources[0]', /unknown source id "S406"/);
    expectError(errors, '$.timeline[id=T02].sources[0]', /unknown source id "S407"/);
    expectError(errors, '$.entities[id=crocus-attack].sources[0]', /unknown source id "S408"/);
    expectError(errors, '$.seed.source', /unknown source id "S409"/);
  });

  it('claim without source (field missing, or empty list)', () => {
    expectError(errorsOf((p) => delete p.claims[0].sources), '$.claims[id=C01].sources', /needs at least one source/);
    expectError(errorsOf((p) => (p.claims[0].sources = [])), '$.claims[id=C01].sources', /needs at least one source/);
  });

  it('fact, timeline entry, casualty figure and discrepancy variant without source', () => {
    const errors = errorsOf((p) => {
      p.event.summary[0].sources = [];
      p.timeline[0].sources = [];
      delete p.event.casualties[0].sources;
      p.discrepancies.push({
        id: 'D1',
        topic: 'Arrival time',
        variants: [
          { value: '19:54', reportedBy: 'A', sources: ['S1'] },
          { value: '18:54', reportedBy: 'B', sources: [] },
        ],
      });
    });
    expectError(errors, '$.event.summary[0].sources', /needs at least one source/);
    expectError(errors, '$.timeline[id=T01].sources', /needs at least one source/);
    expectError(errors, '$.event.casualties[id=K01].sources', /needs at least one source/);
    expectError(errors, '$.discrepancies[id=D1].variants[1].sources', /needs at least one source/);
  });

  it('conflict whose claims all have one claimant', () => {
    const errors = errorsOf((p) => (p.claims[2].claimant = 'state-a'));
    expectError(errors, '$.conflicts[id=X01].sides', /one claimant \(state-a\)/);
  });

  it('conflict with one claim (the same claim on both sides)', () => {
    const errors = errorsOf((p) => (p.conflicts[0].sides[1].claims = ['C02']));
    expectError(errors, '$.conflicts[id=X01].sides', /at least two different claims; it has 1/);
    expectError(errors, '$.conflicts[id=X01].sides[1].claims[0]', /claim C02 appears on two sides/);
  });

  it('conflict with one side (schema)', () => {
    const errors = errorsOf((p) => p.conflicts[0].sides.pop());
    expectError(errors, '$.conflicts[id=X01].sides', /at least two sides/);
  });

  it('non-ISO and impossible dates', () => {
    expectError(errorsOf((p) => (p.claims[0].when.date = '22/03/2024')), '$.claims[id=C01].when.date', /not an ISO 8601 date/);
    expectError(errorsOf((p) => (p.timeline[0].when.date = '2024-02-30')), '$.timeline[id=T01].when.date', /not a real calendar date/);
    expectError(errorsOf((p) => (p.sources[1].date = 'March 2024')), '$.sources[id=S2].date', /not an ISO 8601 date/);
  });

  it('source without publisher', () => {
    expectError(errorsOf((p) => delete p.sources[0].publisher), '$.sources[id=S1].publisher', /needs a publisher/);
    expectError(errorsOf((p) => (p.sources[0].publisher = '  ')), '$.sources[id=S1].publisher', /must not be empty/);
  });

  it('source without date', () => {
    expectError(errorsOf((p) => delete p.sources[1].date), '$.sources[id=S2].date', /needs a date/);
  });

  it('http address', () => {
    expectError(errorsOf((p) => (p.sources[0].url = 'http://news.example.org/a')), '$.sources[id=S1].url', /not https/);
  });

  it('bare-IP address', () => {
    expectError(errorsOf((p) => (p.sources[1].url = 'https://93.184.216.34/mirror/page')), '$.sources[id=S2].url', /bare IP/);
  });

  it('duplicate ids, named by index', () => {
    const errors = errorsOf((p) => (p.claims[2].id = 'C01'));
    expectError(errors, '$.claims[2].id', /duplicate claim id "C01" \(first used at index 0\)/);
    const more = errorsOf((p) => {
      p.entities.push({ ...p.entities[2] });
      p.sources.push({ ...p.sources[0] });
      p.timeline.push({ ...p.timeline[0] });
      p.event.casualties.push({ ...p.event.casualties[0] });
    });
    expectError(more, '$.entities[6].id', /duplicate entity id "test-group"/);
    expectError(more, '$.sources[2].id', /duplicate source id "S1"/);
    expectError(more, '$.timeline[2].id', /duplicate timeline id "T01"/);
    expectError(more, '$.event.casualties[1].id', /duplicate casualty figure id "K01"/);
  });

  it('dateEnd before date, and timeEnd before time', () => {
    expectError(errorsOf((p) => (p.claims[0].when.dateEnd = '2024-03-20')), '$.claims[id=C01].when.dateEnd', /dateEnd 2024-03-20 is before date 2024-03-22/);
    expectError(errorsOf((p) => (p.timeline[0].when.timeEnd = '19:00')), '$.timeline[id=T01].when.timeEnd', /timeEnd 19:00 is before time 19:58/);
    // Reduced precision: a span from 28 March to "March" is fine; to February is not.
    const ok = minimalPack();
    ok.claims[0].when = { date: '2024-03-28', dateEnd: '2024-03' };
    ok.currentAsOf = '2024-04-01';
    expect(validatePack(ok).ok).toBe(true);
    expectError(errorsOf((p) => (p.claims[0].when = { date: '2024-03-28', dateEnd: '2024-02' })), '$.claims[id=C01].when.dateEnd', /before date/);
  });

  it('claim or timeline date after currentAsOf', () => {
    const errors = errorsOf((p) => {
      p.claims[1].when.date = '2024-05-01';
      p.timeline[1].when.date = '2025';
    });
    expectError(errors, '$.claims[id=C02].when.date', /after the pack's currentAsOf 2024-04-01/);
    expectError(errors, '$.timeline[id=T02].when.date', /after the pack's currentAsOf 2024-04-01/);
    // A reduced-precision date that includes currentAsOf is not after it.
    const ok = minimalPack();
    ok.timeline[1].when.date = '2024-04';
    expect(validatePack(ok).ok).toBe(true);
  });

  it('event.entity and event.venue of the wrong type; perpetrators not persons', () => {
    const errors = errorsOf((p) => {
      p.event.entity = 'crocus-city-hall';
      p.event.venue = 'state-a';
      p.event.perpetrators.people = ['test-group'];
    });
    expectError(errors, '$.event.entity', /type "venue"; event.entity must name an entity of type "event"/);
    expectError(errors, '$.event.venue', /type "state"; event.venue must name an entity of type "venue"/);
    expectError(errors, '$.event.perpetrators.people[0]', /not "person"/);
    expectError(errorsOf((p) => (p.event.venue = 'nowhere')), '$.event.venue', /unknown entity id "nowhere"/);
  });

  it('currentCasualtyFigure must name a casualty figure', () => {
    expectError(errorsOf((p) => (p.event.currentCasualtyFigure = 'K09')), '$.event.currentCasualtyFigure', /unknown casualty figure id "K09"/);
  });

  it('casualty publishedBy that looks like an entity id but is none', () => {
    expectError(errorsOf((p) => (p.event.casualties[0].publishedBy = 'health-ministry')), '$.event.casualties[id=K01].publishedBy', /looks like an entity id/);
    // A plain name and a known entity id are both fine.
    const ok = minimalPack();
    ok.event.casualties[0].publishedBy = 'state-a';
    expect(validatePack(ok).ok).toBe(true);
  });

  it('reports schema and cross-reference errors in one run', () => {
    const errors = errorsOf((p) => {
      p.sources[0].url = 'http://x.example.org/';
      p.claims[1].claimant = 'nobody-known';
    });
    expectError(errors, '$.sources[id=S1].url', /not https/);
    expectError(errors, '$.claims[id=C02].claimant', /unknown claimant entity id/);
  });

  it('missing sections are named', () => {
    const errors = errorsOf((p) => delete p.claims);
    expectError(errors, '$.claims', /required field "claims" is missing/);
  });
});

describe('assertValidPack', () => {
  it('returns the typed pack', () => {
    expect(assertValidPack(minimalPack()).claims.map((c) => c.id)).toEqual(['C01', 'C02', 'C03']);
  });

  it('throws PackValidationError listing every error as "path: message", one per line', () => {
    const pack = minimalPack();
    pack.claims[1].claimant = 'nobody-known';
    pack.sources[0].url = 'http://x.example.org/';
    let thrown: unknown;
    try {
      assertValidPack(pack, 'test pack');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PackValidationError);
    const err = thrown as PackValidationError;
    expect(err.errors).toHaveLength(2);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('test pack is invalid (2 errors):');
    expect(lines.slice(1).sort()).toEqual([
      '$.claims[id=C02].claimant: unknown claimant entity id "nobody-known": no entity has this id',
      '$.sources[id=S1].url: address is not https',
    ]);
  });
});

describe('dateSpan', () => {
  it('expands reduced-precision dates', () => {
    expect(dateSpan('2024')).toEqual({ first: '2024-01-01', last: '2024-12-31' });
    expect(dateSpan('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(dateSpan('2023-02')).toEqual({ first: '2023-02-01', last: '2023-02-28' });
    expect(dateSpan('2024-03-22')).toEqual({ first: '2024-03-22', last: '2024-03-22' });
  });
});

describe('the real knowledge pack', () => {
  it('validates (lib/knowledge/pack.json, or the parts assembled while it does not exist)', () => {
    const { data, from } = realPackData();
    const result = validatePack(data);
    expect(result.ok ? '' : `${from}:\n${formatErrors(result.errors)}`).toBe('');
  });

  it('pack.json is up to date with the parts (run: npx tsx scripts/validate-pack.ts --assemble)', () => {
    if (!existsSync(PACK_PATH)) return; // nothing assembled yet: the test above checks the parts directly
    expect(readFileSync(PACK_PATH, 'utf8')).toBe(serializePack(assembleParts(PARTS_DIR)));
  });
});
