import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerOnRequest } from '../content/core/on-request';
import { installUnfindableText } from '../content/core/unfindable';
import { ON_REQUEST_PARTS } from './parts';

/**
 * `/on-request.js`: injected by the background into a ClassDojo tab when the content script asks for it
 * (entrypoints/content/core/on-request.tsx), in the content scripts' isolated world. Not in the manifest's
 * content scripts and not web-accessible: no page loads it, and no page can.
 */
export default defineUnlistedScript(() => {
  // The parts bring their own Preact: its text must be drawn as generated content too, or the page's
  // window.find() reads the overlay, the routing card, the hint and the doctor's report (probe 14d).
  installUnfindableText();
  registerOnRequest(ON_REQUEST_PARTS);
});
