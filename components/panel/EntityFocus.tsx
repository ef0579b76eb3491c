/**
 * The entity the panel was opened for (`?entity=<id>`): who or what it is, its own statements first, then where
 * it is named, its timeline entries and the conflicts its claims take part in, each a way into its section.
 */
import type { EntityType } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import type { PanelApi } from './api';
import { roleLabel } from './AttributionsSection';
import { ClaimView, PACK_LANG, SourceRefs, usePanel } from './common';
import { plural } from './format';
import { HistoryLine } from './HistoryLine';
import { conflictNumber, type EntityFocusData } from './model';

export function entityTypeLabel(type: EntityType): string {
  return t(`panel_entity_${type}`);
}

/** Entity types that can make statements (places and venues cannot). */
const SPEAKERS = new Set<EntityType>(['person', 'group', 'institution', 'state']);

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function EntityFocus({
  data,
  api,
  onClose,
  onShowTimeline,
}: {
  data: EntityFocusData;
  api: PanelApi;
  onClose: () => void;
  onShowTimeline: (actor: string) => void;
}) {
  const { pack, navigate } = usePanel();
  const { entity, partOf, claimsBy, namedIn, timeline, conflicts } = data;
  return (
    <section class="focus" id="entity-focus" aria-labelledby="focus-title">
      <div class="focus-head">
        <h2 id="focus-title" tabIndex={-1}>
          {entity.name}
        </h2>
        <button type="button" class="secondary" onClick={onClose}>
          {t('panel_focus_close')}
        </button>
      </div>
      <p class="muted small">
        {entityTypeLabel(entity.type)}
        {partOf.length > 0 ? ` · ${t('panel_part_of', partOf.map((e) => e.name).join(' › '))}` : ''}
      </p>
      <p lang={PACK_LANG}>{entity.description}</p>
      <SourceRefs ids={entity.sources} />
      <HistoryLine api={api} entity={entity.id} entityName={entity.name} />

      {claimsBy.length > 0 ? (
        <>
          <h3>{t('panel_focus_statements', entity.name)}</h3>
          <ol class="claims">
            {claimsBy.map((c) => (
              <li key={c.id}>
                <ClaimView claim={c} headingLevel={4} />
              </li>
            ))}
          </ol>
        </>
      ) : SPEAKERS.has(entity.type) ? (
        <p class="muted">{t('panel_focus_no_statements', entity.name)}</p>
      ) : null}

      {namedIn.length > 0 || timeline > 0 || conflicts.length > 0 ? (
        <>
          <h3>{t('panel_focus_more')}</h3>
          <ul class="focus-links">
            {namedIn.map((g) => (
              <li key={g.key}>
                <button type="button" class="link-button" onClick={() => navigate('attributions', g.key)}>
                  {t('panel_focus_named', capitalise(roleLabel(g.role)), plural('panel_n_claims', g.claims.length))}
                </button>
              </li>
            ))}
            {timeline > 0 ? (
              <li>
                <button type="button" class="link-button" onClick={() => onShowTimeline(entity.id)}>
                  {plural('panel_focus_timeline', timeline)}
                </button>
              </li>
            ) : null}
            {conflicts.map((x) => (
              <li key={x.id}>
                <button type="button" class="link-button" onClick={() => navigate('conflicts', `conflict-${x.id}`)}>
                  {t('panel_conflict_n', conflictNumber(pack, x.id))}: <span lang={PACK_LANG}>{x.subject}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
