/**
 * The in-page adapter: the only code that knows the DOM. See controller.ts for the flow.
 *
 * Page script wiring (one call; `ctx` is the script's context, lib/page/script-context.ts):
 *
 *   const controller = createPageController({
 *     root: document, table, recognize: recognizeBlocks, quickCheck,
 *     assumeCandidate: true,               // the sentinel already found a candidate
 *     highlightStyle: settings.highlightStyle,
 *     onResult: ({ mentions }) => report(mentions.filter((m) => !m.inner)),
 *     onNavigate: (cb) => ctx.onNavigate(cb),
 *   });
 *   controller.start();
 *   ctx.onInvalidated(() => controller.stop());
 */
export { createPageController } from './controller';
export type { ControllerState, PageController, PageControllerOptions, PageMention, PageResultEvent } from './controller';
export { extractBlocks, UI_HOST_ATTR } from './blocks';
export type { TextBlock, TextSegment } from './blocks';
export {
  ENTITY_HIGHLIGHT,
  EVENT_HIGHLIGHT,
  HIGHLIGHT_CSS,
  MARK_TAG,
  createHighlighter,
  highlightNames,
} from './highlighter';
export type { HighlightStyleName, Highlighter } from './highlighter';
export { mentionAtPoint } from './hit-test';
export { rangeFor } from './ranges';
export { defaultScheduler } from './scheduler';
export type { PageScheduler } from './scheduler';
