/**
 * The policy-document reader behind "Set up from your school's policy", loaded when the person presses Read
 * or starts from the template (SetupFromDocument.tsx): the extractor, the text and .docx readers (docx.ts
 * loads later still, for a .docx), which the page does not need to open.
 */
import { t } from '../../../lib/ext/i18n';
import { DocumentError, documentText, textProblem } from '../../../lib/policy/from-text/document';
import { blankProposal, proposeFromText, type Proposal } from '../../../lib/policy/from-text';

export { blankProposal };

/**
 * The proposal read from a chosen file (its bytes, named by `file.name`) or, without one, from pasted `text`;
 * or `error`, a message to show: the reader's own for a document it refuses (empty, binary, a PDF, too
 * long…), else that the file could not be read.
 */
export async function readPolicy(source: { file?: File; text: string }): Promise<{ proposal: Proposal } | { error: string }> {
  try {
    if (source.file) {
      const bytes = new Uint8Array(await source.file.arrayBuffer());
      return { proposal: proposeFromText(await documentText(bytes, source.file.name), { file: source.file.name }) };
    }
    const problem = textProblem(source.text);
    if (problem) throw new DocumentError(problem);
    return { proposal: proposeFromText(source.text, { file: 'pasted-policy.txt' }) };
  } catch (e) {
    return { error: e instanceof DocumentError ? e.message : t('policyFileUnreadable') };
  }
}
