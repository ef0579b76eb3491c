/** The panel's URL parameters: `?overlay=1&entity=<id>&tab=<tab id>` (the in-page overlay) or none (native panel). */
export interface PanelParams {
  /** Entity to focus (kebab-case id); ignored when it is not a well-formed id. */
  entity?: string;
  /** Shown inside the page as an overlay frame: offer a close button. */
  overlay: boolean;
  /** Browser tab the overlay belongs to; the native panel follows the active tab. */
  tabId?: number;
}

export function readPanelParams(search: string): PanelParams {
  const q = new URLSearchParams(search);
  const params: PanelParams = { overlay: q.get('overlay') === '1' };
  const entity = q.get('entity');
  if (entity && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entity) && entity.length <= 64) params.entity = entity;
  const tab = q.get('tab');
  if (tab && /^\d{1,10}$/.test(tab)) params.tabId = Number(tab);
  return params;
}
