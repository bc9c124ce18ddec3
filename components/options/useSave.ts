import { useState } from 'preact/hooks';
import { saveEdits } from './policy-requests';
import { t } from '../../lib/ext/i18n';
import type { PolicyProblem } from '../../lib/policy/parse';

/** Saving one editor's change: the problems if the policy would become invalid, or a "saved" line. */
export function useSave() {
  const [problems, setProblems] = useState<PolicyProblem[] | undefined>();
  const [status, setStatus] = useState('');
  const save = async (patch: object) => {
    setStatus('');
    try {
      const found = await saveEdits(patch);
      setProblems(found);
      if (!found) setStatus(t('optionsSaved'));
    } catch {
      setProblems([{ path: '(file)', id: 'storageFailed' }]);
    }
  };
  return { problems, status, save };
}
