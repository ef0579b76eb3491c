/**
 * The machine-checkable part of the neutrality rules (lib/knowledge/NEUTRALITY.md). Pure; used by
 * tests/knowledge/neutrality.test.ts on the real pack. Each check returns issues with a JSON path, like
 * the validator, so an editor can find the record.
 */
import type { Claim, Entity, Fact, KnowledgePack } from './schema';
import { ancestry, indexPack } from './load';

export interface NeutralityIssue {
  path: string;
  message: string;
}

/** Removes quoted passages ("…", “…”, «…», „…“, ‘…’) so that words inside attributed quotations are allowed. */
export function stripQuotes(text: string): string {
  return text
    .replace(/"[^"]*"/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/„[^“”]*[“”]/g, ' ')
    .replace(/‘[^’]*’/g, ' ');
}

interface LoadedWord {
  re: RegExp;
  /** Uses that are not loaded ("admitted to hospital", "the town lies west of ..."). */
  except?: RegExp;
}

/** Words that judge instead of attributing. Matched case-insensitively, outside quotations only. */
export const LOADED_WORDS: readonly LoadedWord[] = [
  { re: /\bregimes?\b/i },
  { re: /\bterrorist states?\b/i },
  { re: /\bpropagand(a|ist|ists)\b/i },
  { re: /\bfalse(ly|hoods?)?\b/i },
  { re: /\b(lie|lies|lied|liar|liars|lying)\b/i, except: /\b(lie|lies|lying)\s+(just\s+|about\s+\d[\d.,]*\s*\w+\s+|some\s+\d[\d.,]*\s*\w+\s+)?(in|on|at|near|west|east|north|south|outside|within|beyond|between|inside|under|dead|injured|wounded)\b/i },
  { re: /\bdebunk(s|ed|ing)?\b/i },
  { re: /\bdisprov(e|ed|en|es)\b/i },
  { re: /\badmit(s|ted|ting)?\b/i, except: /\badmit(s|ted|ting)?\s+(\d[\d,]*\s+|(more than|at least|about|some)\s+\d[\d,]*\s+)?(\w+\s+)?(to\s+(a\s+|the\s+)?(hospitals?|clinics?|medical|intensive)|patients|casualties|the injured|wounded|victims|people)\b/i },
  { re: /\bfake[ds]?\b/i },
  { re: /\bhoax(es)?\b/i },
  { re: /\b(baseless|groundless|unfounded|absurd|nonsense|ridiculous|preposterous)\b/i },
  { re: /\bso-called\b/i },
  { re: /\bjuntas?\b/i },
  { re: /\b(neo-?)?nazis?\b/i },
  { re: /\bpuppets?\b/i },
  { re: /\bmouthpieces?\b/i },
  { re: /\bconspiracy theor(y|ies|ist|ists)\b/i },
  { re: /\b(dis|mis)information\b/i, except: /\bcountering disinformation\b/i },
  { re: /\b(in fact|in reality|obviously|of course)\b/i },
  { re: /\b(butchers?|monsters?|savages?|martyrs?|heroic)\b/i },
];

/** Loaded words found in `text` outside quotations (the matched words, lower-cased). */
export function loadedWords(text: string): string[] {
  const plain = stripQuotes(text);
  const found: string[] = [];
  for (const w of LOADED_WORDS) {
    const re = new RegExp(w.re.source, 'gi');
    for (const m of plain.matchAll(re)) {
      if (w.except) {
        const rest = plain.slice(m.index);
        const ex = new RegExp(`^(?:${w.except.source})`, 'i');
        if (ex.test(rest)) continue;
      }
      found.push(m[0].toLowerCase());
    }
  }
  return found;
}

/** Words that rate a claim: a conflict subject states what is disputed, never who is right. */
export const VERDICT_WORDS = /\b(true|truth|untrue|false|correct|incorrect|wrong|misleading|accurate|inaccurate|right|debunked|lie|lies)\b/gi;

/** Whether a fact's text says who it comes from ("X said", "according to X", "reported"). */
export const ATTRIBUTION_CUE =
  /\b(said|says|say|saying|according to|reported|reports|told|tells|announced|announces|stated|states that|claimed|claims|cited|quoted|quoting|wrote|writes|published|named|listed|gave|put the)\b/i;

/** Generic words that do not identify a claimant on their own. */
const GENERIC = new Set(
  'the of and for on in at federal state states service services security ministry office committee council court agency news special foreign affairs general national international department government official officials spokesman spokeswoman spokesperson press secretary head chief deputy director minister president prime first second district military republic russian ukrainian american united group province'.split(' '),
);

/** Strings whose presence in a statement shows it names or refers to `entity`. */
function referenceForms(entity: Entity): string[] {
  const forms = new Set<string>();
  const add = (s: string) => {
    const t = s.trim();
    if (t.length >= 2) forms.add(t);
  };
  const all = [entity.name, ...Object.values(entity.names).flat()];
  for (const n of all) {
    add(n);
    add(n.replace(/^the\s+/i, ''));
    // Distinctive words of a name: "Putin" of "Vladimir Putin", "Kirby" of "John Kirby".
    for (const word of n.split(/[\s,()«»"“”]+/)) {
      if (word.length >= 4 && !GENERIC.has(word.toLowerCase())) add(word);
    }
  }
  if (entity.type === 'state') {
    // Russia → Russian, Ukraine → Ukrainian, Tajikistan → Tajik.
    const stem = entity.name.replace(/(istan|stan|ia|a|e|y)$/i, '');
    if (stem.length >= 4) add(stem);
  }
  return [...forms];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the claim's statement names its claimant or an entity the claimant is part of. */
export function refersToClaimant(pack: KnowledgePack, claim: Claim): boolean {
  const text = claim.statement;
  for (const e of ancestry(pack, claim.claimant)) {
    for (const form of referenceForms(e)) {
      if (new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(form)}`, 'iu').test(text)) return true;
    }
  }
  return false;
}

/** Every text the neutrality rules apply to, with its JSON path. */
export function neutralTexts(pack: KnowledgePack): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const facts = (path: string, list: readonly Fact[]) => list.forEach((f, i) => out.push({ path: `${path}[${i}].text`, text: f.text }));
  out.push({ path: '$.event.place.text', text: pack.event.place.text });
  facts('$.event.summary', pack.event.summary);
  facts('$.event.perpetrators.facts', pack.event.perpetrators.facts);
  facts('$.event.arrests', pack.event.arrests);
  facts('$.event.trial', pack.event.trial);
  facts('$.event.verdict', pack.event.verdict);
  for (const e of pack.entities) out.push({ path: `$.entities[id=${e.id}].description`, text: e.description });
  for (const c of pack.claims) out.push({ path: `$.claims[id=${c.id}].statement`, text: c.statement });
  for (const x of pack.conflicts) {
    out.push({ path: `$.conflicts[id=${x.id}].subject`, text: x.subject });
    x.sides.forEach((s, i) => out.push({ path: `$.conflicts[id=${x.id}].sides[${i}].position`, text: s.position }));
  }
  for (const d of pack.discrepancies) out.push({ path: `$.discrepancies[id=${d.id}].topic`, text: d.topic });
  for (const t of pack.timeline) out.push({ path: `$.timeline[id=${t.id}].text`, text: t.text });
  for (const u of pack.unverified) out.push({ path: `$.unverified[id=${u.id}].text`, text: u.text });
  return out;
}

/** Loaded words outside quotations in statements, texts, descriptions, subjects and positions. */
export function checkLoadedWords(pack: KnowledgePack): NeutralityIssue[] {
  const issues: NeutralityIssue[] = [];
  for (const { path, text } of neutralTexts(pack)) {
    const words = loadedWords(text);
    if (words.length > 0) issues.push({ path, message: `loaded word(s) outside quotation: ${[...new Set(words)].join(', ')} — in "${text}"` });
  }
  return issues;
}

/** Claim statements that neither name nor refer to their claimant. */
export function checkClaimantNamed(pack: KnowledgePack): NeutralityIssue[] {
  const idx = indexPack(pack);
  return pack.claims
    .filter((c) => !refersToClaimant(pack, c))
    .map((c) => ({
      path: `$.claims[id=${c.id}].statement`,
      message: `statement does not name its claimant ${idx.entities.get(c.claimant)?.name ?? c.claimant} (${c.claimant}): "${c.statement}"`,
    }));
}

/** Facts and casualty figures whose only sources are state media, unless they say who said it. */
export function checkStateMediaOnly(pack: KnowledgePack): NeutralityIssue[] {
  const idx = indexPack(pack);
  const onlyStateMedia = (ids: readonly string[]) =>
    ids.length > 0 && ids.every((id) => idx.sources.get(id)?.stateMedia === true);
  const issues: NeutralityIssue[] = [];
  const facts = (path: string, list: readonly Fact[]) =>
    list.forEach((f, i) => {
      if (onlyStateMedia(f.sources) && !ATTRIBUTION_CUE.test(f.text)) {
        issues.push({ path: `${path}[${i}]`, message: `only state-media sources (${f.sources.join(', ')}) and the text does not say who said it: "${f.text}"` });
      }
    });
  if (onlyStateMedia(pack.event.place.sources) && !ATTRIBUTION_CUE.test(pack.event.place.text)) {
    issues.push({ path: '$.event.place', message: `only state-media sources (${pack.event.place.sources.join(', ')}) for the place` });
  }
  facts('$.event.summary', pack.event.summary);
  facts('$.event.perpetrators.facts', pack.event.perpetrators.facts);
  facts('$.event.arrests', pack.event.arrests);
  facts('$.event.trial', pack.event.trial);
  facts('$.event.verdict', pack.event.verdict);
  for (const k of pack.event.casualties) {
    const publisher = idx.entities.get(k.publishedBy);
    const officialBody = k.official || (publisher !== undefined && (publisher.type === 'state' || publisher.type === 'person'));
    // A figure credited to the state outlet that published it is that outlet's own figure, shown as such,
    // not state media confirming someone else's count.
    const ownFigure =
      publisher !== undefined &&
      k.sources.every((id) => {
        const src = idx.sources.get(id);
        return src !== undefined && [src.publisher, src.originalOutlet ?? ''].some((p) => p.toLowerCase().includes(publisher.name.toLowerCase()));
      });
    if (onlyStateMedia(k.sources) && !officialBody && !ownFigure) {
      issues.push({
        path: `$.event.casualties[id=${k.id}]`,
        message: `only state-media sources (${k.sources.join(', ')}) for a figure not published by an official body (publishedBy "${k.publishedBy}", official: false)`,
      });
    }
  }
  return issues;
}

/** Conflict subjects that rate the claims instead of naming what is disputed. */
export function checkConflictSubjects(pack: KnowledgePack): NeutralityIssue[] {
  const issues: NeutralityIssue[] = [];
  for (const x of pack.conflicts) {
    const words = stripQuotes(x.subject).match(VERDICT_WORDS);
    if (words) issues.push({ path: `$.conflicts[id=${x.id}].subject`, message: `verdict word(s) in a conflict subject: ${words.join(', ')} — "${x.subject}"` });
  }
  return issues;
}

export function checkNeutrality(pack: KnowledgePack): NeutralityIssue[] {
  return [...checkLoadedWords(pack), ...checkClaimantNamed(pack), ...checkStateMediaOnly(pack), ...checkConflictSubjects(pack)];
}
