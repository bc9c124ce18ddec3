import type { PolicyState } from '../../lib/ext/active-policy';
import { resetEdits } from './policy-requests';
import { t } from '../../lib/ext/i18n';
import type { Policy } from '../../lib/policy/schema';
import { ClosuresEditor } from './ClosuresEditor';
import { ContactsEditor } from './ContactsEditor';
import { HoursEditor } from './HoursEditor';
import { RuleActions } from './RuleActions';
import { TemplatesEditor } from './TemplatesEditor';

/** The school's own adjustments over the chosen policy, field by field; what IT locked stays locked. */
export function PolicyEditor(props: { policy: Policy; locked: PolicyState['locked'] }) {
  return (
    <section data-policy-guard="policy-editor">
      <h2>{t('editTitle')}</h2>
      <p class="muted">{t('editHelp')}</p>
      <RuleActions {...props} />
      <HoursEditor {...props} />
      <ClosuresEditor {...props} />
      <ContactsEditor {...props} />
      <TemplatesEditor {...props} />
      <p>
        <button type="button" data-policy-guard="edits-reset" disabled={props.locked === 'all'} onClick={() => void resetEdits().catch(() => undefined)}>
          {t('editReset')}
        </button>
      </p>
    </section>
  );
}
