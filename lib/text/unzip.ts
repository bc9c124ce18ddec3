/**
 * The parts of a zip package (a .docx or .xlsx) that `wanted` names, inflated, with a cap on each part's
 * inflated size (a zip bomb is refused before it is inflated). `fail` makes the caller's own error for a part
 * over `maxBytes` ('too-large') or bytes that are not a complete zip ('damaged'); that error is thrown.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';

export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, maxBytes: number, fail: (why: 'too-large' | 'damaged') => Error): Record<string, Uint8Array> {
  let tooLarge: Error | undefined;
  try {
    return unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > maxBytes) throw (tooLarge = fail('too-large'));
        return true;
      },
    });
  } catch (error) {
    if (error === tooLarge) throw error;
    throw fail('damaged');
  }
}
