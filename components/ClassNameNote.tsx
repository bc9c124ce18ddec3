import { t } from '../lib/ext/i18n';

/**
 * Said under a view that shows a class as "class id c1": the class's name is read from ClassDojo's page, where
 * a post's header names it (verified markup) or the class name at the top of its pages does (our guess at
 * markup nobody has published: lib/dojo/selectors.ts `classSwitcher`). A page without either (a class chat,
 * say, if the guess is wrong) leaves the id; this says so, and how the name is learnt, rather than guessing.
 */
export function ClassNameNote() {
  return (
    <p class="muted" role="note" data-policy-guard="class-name-note">
      {t('classUnnamedNote')}
    </p>
  );
}
