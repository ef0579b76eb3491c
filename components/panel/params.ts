/**
 * The panel's parameters: from its address, `?overlay=1&entity=<id>&tab=<tab id>&key=<key>` (the in-page overlay)
 * or none (the native panel); the overlay's entity and visit also come with each "open" message
 * (components/panel/overlay-messages.ts).
 */
export interface PanelParams {
  /** Entity to focus (kebab-case id); ignored when it is not a well-formed id. */
  entity?: string;
  /** Shown inside the page as an overlay frame: offer a close button. */
  overlay: boolean;
  /** Browser tab the overlay belongs to; the native panel follows the active tab. */
  tabId?: number;
  /** The overlay's opening number: each opening starts the panel afresh (its page context read again). */
  visit?: number;
}

const wellFormedEntity = (id: string | null | undefined): id is string => !!id && id.length <= 64 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);

export function readPanelParams(search: string): PanelParams {
  const q = new URLSearchParams(search);
  const params: PanelParams = { overlay: q.get('overlay') === '1' };
  const entity = q.get('entity');
  if (wellFormedEntity(entity)) params.entity = entity;
  const tab = q.get('tab');
  if (tab && /^\d{1,10}$/.test(tab)) params.tabId = Number(tab);
  return params;
}

/** The overlay's key in its address (see overlay-messages.ts), or null. */
export const overlayKey = (search: string) => new URLSearchParams(search).get('key');

/** The parameters for an opening of the overlay: its entity (or none: the summary) and its visit number. */
export function openedParams(params: PanelParams, opening: { visit: number; entity?: string }): PanelParams {
  const { entity: _previous, ...rest } = params;
  return { ...rest, visit: opening.visit, ...(wellFormedEntity(opening.entity) ? { entity: opening.entity } : {}) };
}
