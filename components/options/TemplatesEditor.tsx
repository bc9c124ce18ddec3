import { browser } from 'wxt/browser';
import type { PolicyState } from '../../lib/ext/active-policy';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { isLocked } from '../../lib/policy/resolve';
import { DESTINATIONS, type Policy } from '../../lib/policy/schema';
import { languageName } from '../language-name';
import { Locked } from './Locked';
import { SaveFooter } from './SaveFooter';
import { useEditable } from './useEditable';
import { useSave } from './useSave';

/** The suggested replies to parents, per destination and language. Placeholders: {pupil} {contact} {how} {phone} {email} {hours}. */
export function TemplatesEditor(props: { policy: Policy; locked: PolicyState['locked'] }) {
  const [templates, setTemplates] = useEditable(props.policy.routing.templates);
  const { problems, status, save } = useSave();
  const locked = isLocked('routing.templates', props.locked);
  const destinations = DESTINATIONS.filter((d) => d !== 'dsl'); // a safeguarding disclosure never gets a canned reply
  return (
    <fieldset data-policy-guard="templates-editor" disabled={locked}>
      <legend>
        {t('editTemplatesTitle')} {locked && <Locked />}
      </legend>
      <p class="muted">{t('editTemplatesHelp')}</p>
      {destinations.map((d) =>
        props.policy.languages.map((lang) => (
          <p key={`${d}:${lang}`}>
            <label>
              {t(`destination_${d}` as MessageKey)} ({languageName(lang, browser.i18n.getUILanguage())})
              <br />
              <textarea
                rows={3}
                cols={70}
                data-template={`${d}:${lang}`}
                value={templates[d]?.[lang] ?? ''}
                onInput={(e) => {
                  const value = (e.currentTarget as HTMLTextAreaElement).value;
                  const forDest = { ...templates[d] };
                  if (value.trim()) forDest[lang] = value;
                  else delete forDest[lang];
                  setTemplates({ ...templates, [d]: forDest });
                }}
              />
            </label>
          </p>
        )),
      )}
      <SaveFooter hook="templates-save" label={t('editSaveTemplates')} onSave={() => void save({ routing: { templates } })} problems={problems} status={status} />
    </fieldset>
  );
}
