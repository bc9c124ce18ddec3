import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerOnRequest } from '../content/core/on-request';
import { ON_REQUEST_PARTS } from './parts';

/**
 * `/on-request.js`: injected by the background into a ClassDojo tab when the content script asks for it
 * (entrypoints/content/core/on-request.tsx), in the content scripts' isolated world. Not in the manifest's
 * content scripts and not web-accessible: no page loads it, and no page can.
 */
export default defineUnlistedScript(() => {
  registerOnRequest(ON_REQUEST_PARTS);
});
