/**
 * The five real school policies shipped as presets (shared/policies/README.md). Pure data; the
 * presets themselves (every clause encoded and cited) build on these ids.
 */
export interface PresetSummary {
  id: PresetId;
  school: string;
  file: string;
  /** A model policy, not one school's: offered to staff, never to a parent as "your child's school". */
  generic?: true;
}

export const PRESET_IDS = [
  'bentley-new-village',
  'broughton',
  'acceptable-use-v2',
  'malpas-court',
  'papworth-hall',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

export const PRESET_CATALOG: readonly PresetSummary[] = [
  { id: 'bentley-new-village', school: 'Bentley New Village Primary School', file: 'bentley-new-village.txt' },
  { id: 'broughton', school: 'Broughton Primary School', file: 'broughton.txt' },
  { id: 'acceptable-use-v2', school: 'Class Dojo Acceptable Use Policy (version 2)', file: 'acceptable-use-v2.txt', generic: true },
  { id: 'malpas-court', school: 'Malpas Court Primary School', file: 'malpas-court.txt' },
  { id: 'papworth-hall', school: 'Papworth Hall School', file: 'papworth-hall.txt' },
];

export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && (PRESET_IDS as readonly string[]).includes(id);
}

export function presetSummary(id: string): PresetSummary | undefined {
  return PRESET_CATALOG.find((p) => p.id === id);
}
