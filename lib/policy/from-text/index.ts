/** Setting a school up from its own policy document: extract (pure), then build the policy file. */
export { proposeFromText, type ExtractOptions } from './extract';
export { buildPolicy, proposalItems, settingsRead, slug, summary, type Decisions } from './build';
export { blankProposal } from './defaults';
export type { Decision, Item, ItemOrigin, Proposal, Quote } from './types';
