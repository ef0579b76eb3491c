/**
 * Recognition off the page's main thread: the page script sends block texts to the background, which runs the
 * recognizer (`recognizeInChunks` with the pack's table) and answers with the mentions per text. The page then pays
 * only for reading its text and painting the highlights, not for loading the matcher table or matching.
 *
 * Texts go in batches of at most `batchChars` characters, so that no single message is slow to serialize (the
 * copy happens on the page's main thread). Gating carries across batches as it does across chunks: the verdict
 * and evidence of the batches so far go with the next one, and batches sent before the page was known to be about
 * the attack are sent again once it is.
 */
import { CONTEXT, type BlockMention, type BlockContext } from '../recognize/types';
import { groupEnd, recognizeInChunks, type ChunkRunResult, type RecognizeFn } from './chunks';

/** What one round trip asks of the background, and what it answers. */
export interface RecognizeRequest {
  texts: string[];
  about: boolean;
  evidence: string[];
}

export interface RecognizeReply {
  about: boolean;
  evidence: string[];
  /** Mentions per text of the request, offsets into that text (names needing context nearby are `loose`). */
  perBlock: BlockMention[][];
  /** Per text of the request: what it says about the attack (`PageResult.context`). */
  context: BlockContext[];
}

export interface RemoteOptions {
  send(request: RecognizeRequest): Promise<RecognizeReply>;
  about: boolean;
  evidence: readonly string[];
  cancelled(): boolean;
  /** Characters per message. Default 64 K. */
  batchChars?: number;
  /** Wait before the one retry of a failed round trip. Default 500 ms. */
  retryMs?: number;
}

/** The background refuses requests larger than this (a page script never sends more than `batchChars` + one block). */
export const MAX_REQUEST_CHARS = 4_000_000;
/**
 * 64 K characters per message. With 512 K (until the eighteenth session) each message's JSON copy was a string of
 * about a megabyte, allocated as a large object; on 10 MB pages their sum started major collections whose final
 * pauses were the longest tasks. Measured in the benchmark's harness (10 MB pages, 5-6 rounds interleaved): longest
 * task 24.7-31.2 ms against 32.0-34.5 (medians), the same main-thread time; 1 MB and 100 KB pages the same
 * (docs/bench.md, eighteenth session).
 */
const BATCH_CHARS = 1 << 16;
const RETRY_MS = 500;
/** Chunk size of the background's run: what the page used at its fastest (the chunking is part of the gating). */
const CHUNK_CHARS = 32_768;

function batchesOf(texts: readonly string[], max: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < texts.length; from = out[out.length - 1]![1]) out.push([from, groupEnd(texts, from, max)]);
  return out;
}

/** `recognizeInChunks`, run by the background in batches. Resolves with `cancelled: true` when the owner stopped. */
export async function recognizeRemotely(texts: readonly string[], o: RemoteOptions): Promise<ChunkRunResult> {
  const perBlock: BlockMention[][] = texts.map(() => []);
  const context: BlockContext[] = texts.map(() => CONTEXT.all);
  let about = o.about;
  let evidence = [...o.evidence];
  const redo: [number, number][] = [];

  const run = async ([from, to]: [number, number]): Promise<boolean> => {
    const request = { texts: texts.slice(from, to), about, evidence: about ? evidence : [] };
    // A round trip can fail while the background is being restarted: one more try before giving up.
    const reply = await o.send(request).catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, o.retryMs ?? RETRY_MS));
      if (o.cancelled()) return null;
      return o.send(request);
    });
    if (!reply || o.cancelled()) return false;
    reply.perBlock.forEach((ms, k) => {
      if (from + k < to) perBlock[from + k] = ms.map((m) => ({ ...m, block: from + k }));
    });
    for (let k = 0; from + k < to; k++) context[from + k] = reply.context[k] ?? CONTEXT.all;
    if (reply.about && !about) {
      about = true;
      evidence = reply.evidence;
    } else if (!reply.about && !about) {
      redo.push([from, to]);
    }
    return true;
  };

  for (const batch of batchesOf(texts, o.batchChars ?? BATCH_CHARS)) {
    if (o.cancelled() || !(await run(batch))) return { about, evidence, perBlock, context, cancelled: true };
  }
  if (about) {
    for (const batch of redo) {
      if (o.cancelled() || !(await run(batch))) return { about, evidence, perBlock, context, cancelled: true };
    }
  }
  return { about, evidence, perBlock, context, cancelled: false };
}

/**
 * The background's half: recognizes one request with the local table, in the same chunks (and with the same
 * gating across chunks) as the page would have.
 */
export async function answerRecognize<T>(request: RecognizeRequest, table: T, recognize: RecognizeFn<T>): Promise<RecognizeReply> {
  const r = await recognizeInChunks(request.texts, {
    recognize,
    table,
    about: request.about,
    evidence: request.evidence,
    now: () => 0,
    yieldToMain: () => Promise.resolve(),
    cancelled: () => false,
    sliceMs: Infinity,
    sizer: { chars: CHUNK_CHARS },
  });
  return { about: r.about, evidence: r.evidence, perBlock: r.perBlock, context: r.context };
}
