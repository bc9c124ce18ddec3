/**
 * A policy's language (ISO 639-3 code, "cym") by its name in the interface's language `ui` (a BCP 47 tag, as
 * i18n.getUILanguage gives it): "Welsh", "Cymraeg". The code itself where the browser has no name for it.
 */
export function languageName(code: string, ui: string): string {
  try {
    const name = new Intl.DisplayNames([ui], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
