/**
 * The kinds of timeline entry. A plain list (the schema builds its enum from it) so that the panel can list them
 * without loading the schema and its validator.
 */
export const TIMELINE_TYPES = [
  'warning',
  'attack',
  'casualties',
  'claim-of-responsibility',
  'statement',
  'arrest',
  'investigation',
  'court',
  'memorial',
  'other',
] as const;
