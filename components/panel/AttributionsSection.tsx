/** Attributions: the claims grouped by whom they name and in what role, each with who said it, when, and sources. */
import type { Claim } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import { ClaimView, usePanel } from './common';
import { plural } from './format';
import { attributionGroups, claimantLabel, claimantsOf, nameOf, type Role } from './model';

const ROLE_KEYS: Record<Role, string> = {
  'claimed-responsibility': 'panel_role_claimed_responsibility',
  perpetrator: 'panel_role_perpetrator',
  organiser: 'panel_role_organiser',
  sponsor: 'panel_role_sponsor',
  provocateur: 'panel_role_provocateur',
  'had-prior-knowledge': 'panel_role_prior_knowledge',
  warned: 'panel_role_warned',
  'not-involved': 'panel_role_not_involved',
};

export function roleLabel(role: Role): string {
  return t(ROLE_KEYS[role]);
}

function Group({ id, heading, claims, open }: { id: string; heading: string; claims: readonly Claim[]; open: boolean }) {
  const { pack } = usePanel();
  const by = claimantsOf(claims).map((c) => claimantLabel(pack, c).name);
  return (
    <details class="group" id={id} open={open}>
      <summary>
        <h3 class="group-title">{heading}</h3>
        <span class="group-meta">
          {plural('panel_n_claims', claims.length)}
          {' · '}
          {t('panel_named_by', by.join(', '))}
        </span>
      </summary>
      <ol class="claims">
        {claims.map((c) => (
          <li key={c.id}>
            <ClaimView claim={c} headingLevel={4} />
          </li>
        ))}
      </ol>
    </details>
  );
}

export function AttributionsSection() {
  const { pack, focusEntity } = usePanel();
  const { groups, unattributed } = attributionGroups(pack);
  const involves = (claims: readonly Claim[], target?: string) =>
    focusEntity !== undefined && (target === focusEntity || claims.some((c) => c.claimant === focusEntity));
  return (
    <div class="section attributions">
      <h2 id="attributions-heading">{t('panel_attributions_heading')}</h2>
      <p class="muted">{t('panel_attributions_intro')}</p>
      {groups.map((g) => (
        <Group
          key={g.key}
          id={g.key}
          heading={t('panel_group_heading', nameOf(pack, g.target), roleLabel(g.role))}
          claims={g.claims}
          open={involves(g.claims, g.target)}
        />
      ))}
      {unattributed.length > 0 ? (
        <Group id="attr-none" heading={t('panel_attributions_none')} claims={unattributed} open={involves(unattributed)} />
      ) : null}
    </div>
  );
}
