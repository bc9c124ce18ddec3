import { t } from '../../../lib/ext/i18n';
import { readerNoteText } from '../../../lib/i18n/reader-note';
import { message } from '../../i18n';
import type { Decision, Item, Proposal } from '../../../lib/policy/from-text';
import { ItemEditor } from './ItemEditor';
import { itemLabel, originText, valueText } from './labels';

/** Items that cannot be switched off or edited: the name is needed; audiences are ClassDojo's own. */
const NO_OFF = new Set(['name', 'audiences', 'routes.safeguarding', 'contacts.dsl']);
const NO_EDIT = new Set(['audiences', 'routes.safeguarding']);

/**
 * One proposed item: what it is, where it came from (the document's words, quoted with their section, or
 * "recommended default"), and Accept / Edit / Switch off. An edited item is marked as the school's setting.
 */
export function ReviewItem(props: { proposal: Proposal; itemKey: string; item: Item<unknown>; decision: Decision | undefined; onDecide: (d: Decision) => void }) {
  const { proposal, itemKey, item, decision } = props;
  const state = decision?.state ?? 'accept';
  const value = decision?.state === 'edit' ? decision.value : item.value;
  const badge = state === 'edit' ? t('setupSchoolSetting') : state === 'off' ? t('setupSwitchedOff') : originText(item);
  return (
    <li class={`review-item origin-${state === 'accept' ? item.origin : state}`} data-item={itemKey} data-state={state} data-origin={item.origin}>
      <div class="review-head">
        <strong>{itemLabel(proposal, itemKey)}</strong>{' '}
        <span class="badge" data-policy-guard="item-origin">
          {badge}
        </span>
      </div>
      <p class="review-value" data-policy-guard="item-value">
        {state === 'off' ? t('setupSwitchedOff') : valueText(proposal, itemKey, value)}
      </p>
      {state === 'accept' && item.quotes.length > 0 && (
        <ul class="quotes">
          {item.quotes.map((q) => (
            <li key={q.at}>
              {/* The document's own heading as written; "Title" is the reader's word for the lines above any heading. */}
              <span class="muted">{q.section === 'Title' ? t('setupQuoteTitle') : q.section}:</span> <q data-policy-guard="item-quote">{q.quote}</q>
            </li>
          ))}
        </ul>
      )}
      {state === 'accept' && item.check && (
        <p class="review-check" data-policy-guard="item-check">
          {/* Policy Guard's own check in the interface's language (its id); one quoting the document as written. */}
          {readerNoteText({ note: item.check, noteId: item.checkId, noteData: item.checkData }, message)}
        </p>
      )}
      {state === 'accept' && item.note && (item.origin !== 'document' || !!item.defaults?.length) && (
        <p class="muted" data-policy-guard="item-note">
          {readerNoteText(item, message)}
        </p>
      )}
      {state === 'edit' && <ItemEditor proposal={proposal} itemKey={itemKey} value={value} onChange={(v) => props.onDecide({ state: 'edit', value: v })} />}
      <p class="review-actions">
        <button type="button" data-action="accept" aria-pressed={state === 'accept'} onClick={() => props.onDecide({ state: 'accept' })}>
          {t('setupAccept')}
        </button>{' '}
        {!NO_EDIT.has(itemKey) && (
          <button type="button" data-action="edit" aria-pressed={state === 'edit'} onClick={() => state !== 'edit' && props.onDecide({ state: 'edit', value: structuredClone(item.value) })}>
            {t('setupEdit')}
          </button>
        )}{' '}
        {!NO_OFF.has(itemKey) && (
          <button type="button" data-action="off" aria-pressed={state === 'off'} onClick={() => props.onDecide({ state: 'off' })}>
            {t('setupOff')}
          </button>
        )}
      </p>
    </li>
  );
}
