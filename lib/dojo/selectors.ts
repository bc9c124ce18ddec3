/**
 * Every ClassDojo selector Policy Guard uses, in one place. Nothing else in the code base may name a
 * ClassDojo attribute, id or label.
 *
 * Each list is tried in order: verified selectors first (seen verbatim in public sources, see
 * shared/docs/classdojo-web-app.md), then our best guesses for markup nobody has published, then generic
 * fallbacks that survive a redesign. Never select by class name: ClassDojo's are generated Emotion
 * hashes (css-27mawu) that change every release.
 */
export const SELECTORS = {
  /** The React root of all three apps (verified). `body` is the fallback if it is renamed. */
  appRoot: ['#reactApplication', 'body'],

  /**
   * Dialogs rendered outside the app root, as React portals at the end of <body> (public scrapers show
   * body-level containers; the markup inside is not published). Generic: any modal dialog. Every other
   * body-level container outside the root is searched too (see `uiRoots` in page.ts): verified, older
   * dialogs (an edit-class textarea, a report dialog) sit under a plain `body > div`.
   */
  dialogPortal: ['[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]'],

  /** Story feed posts (verified, teacher and parent apps). Calendar-event posts are not among them: see eventPost. */
  storyPost: ['[data-name="storyPost"]', 'div[role="article"][aria-label="Story post"]'],
  /**
   * Calendar-event posts (verified, second search): NOT wrapped in storyPost; they carry a sign-up link, a
   * formatted date and an h2 title. Found by these marks and walked up to the card (lib/dojo/page.ts).
   */
  eventPostMark: ['a[data-name="eventSignupCTA"]', '[data-name="formattedDate"]'],
  /** An event post's title (verified: an h2 in the card). */
  eventPostTitle: ['h2'],
  /**
   * The class name in a post's header (verified, second search): of the header's two span.nessie-text, the
   * one WITHOUT a title (the one with a title is the time stamp). `nessie-text` is the class of ClassDojo's
   * design system (Nessie), stable across releases unlike the Emotion hashes; the header is found by data-name.
   */
  storyPostClassName: ['[data-name="storyPostHeader"] span.nessie-text:not([title])'],
  /**
   * The class switcher at the top of a class's pages, showing the open class's name (NOT published: guesses;
   * the post header and the feed's JSON are the verified sources).
   */
  classSwitcher: ['[data-name="classSwitcher"]', '[data-name="classSelector"]', '[data-name="classSwitcherButton"]'],
  /** A post's header: an h3 with the poster, a span.nessie-text[title] with the time stamp (verified). */
  storyPostHeader: ['[data-name="storyPostHeader"]'],
  storyPostTime: ['[data-name="storyPostHeader"] span[title]'],
  /** A post's author: the h3 in the header (verified). */
  storyPostAuthor: ['[data-name="storyPostHeader"] h3'],
  /** A post's photos and videos (generic: media inside the post's contents). */
  storyPostMedia: ['div[data-name="storyPostContents"] img', 'div[data-name="storyPostContents"] video'],
  /** A post's text (verified); it breaks lines with <br> (verified), which lib/dojo/text-model.ts reads as "\n". */
  storyPostBody: ['div[data-name="storyPostContents"] span[data-name="richText"]', '[data-name="richText"]'],

  /** Pupil tiles on the points page (verified); aria-label reads "Amelia Hughes 12 points". */
  studentTile: ["button[data-name='studentTile']"],

  /**
   * Chat message bubbles (NOT published: our guess first, then generic article/listitem rows), and how a
   * bubble says who sent it. Incoming parent messages are the ones the router reads.
   */
  messageBubble: ['[data-name="messageBubble"]', '[role="listitem"][aria-label*="message" i]'],
  parentBubble: ['[data-name="messageBubble"][data-sender-type="parent"]'],
  /** The text of a bubble, without the sender's name (guess). */
  messageText: ['[data-name="messageText"]'],
  /**
   * Bubbles a member of staff sent, for the spot-check (guesses): staff conduct is what the policy
   * governs, and parents' messages are neither checked nor recorded.
   */
  staffBubble: ['[data-name="messageBubble"][data-sender-type="teacher"]', '[data-name="messageBubble"][data-sender-type="school"]'],
  /** A bubble's sender and time stamp (guesses; the time in a datetime or title attribute). */
  messageSender: ['[data-name="messageSenderName"]'],
  messageTime: ['[data-name="messageTime"]', 'time[datetime]'],

  /** The open conversation's header; its participant count tells a class/group chat from a one-to-one (guess). */
  threadHeader: ['[data-name="messageThreadHeader"]'],

  /** In the post composer: pupils tagged, and photos or videos attached (guesses). */
  taggedStudent: ['[data-name="taggedStudent"]'],
  attachment: ['[data-name="composerAttachment"]', '[data-name="composerAttachments"] img'],
  /** The composer's container, to find its own Send/Post button and tags (guesses, then any form). */
  composerContainer: ['[data-name="storyComposer"]', '[data-name="messageComposer"]', 'form'],
  /** Send and Post buttons (guesses first). Found generically by role and accessible name too: see page.ts. */
  sendButton: ['[data-name="storyComposerPostButton"]', '[data-name="messageComposerSendButton"]'],

  /** Point award buttons on the points page (verified); the weight is in the li's data-name. */
  pointButton: ["li[data-name^='point_weight_'] button"],

  /**
   * Composers. NOT published anywhere: the data-name guesses come first, then any visible text field in
   * the app root. Which of these a field must satisfy is decided in page.ts (visible, enabled, writable).
   */
  composer: [
    '[data-name="storyComposer"] textarea', // guess: Class/School Story post composer
    '[data-name="messageComposer"] textarea', // guess: chat composer
    '[data-name="messageComposer"] [contenteditable="true"]', // guess: chat composer, rich text
    'textarea', // generic
    '[contenteditable="true"]', // generic
    '[contenteditable=""]', // generic: an empty value means true
    // generic: any other value ("plaintext-only", "TRUE" are editable too, and a page script can set one on
    // ClassDojo's own box: probe 14h H3); page.ts keeps only what the browser lets a person type in
    '[contenteditable]',
  ],
  /**
   * Single-line text inputs that may be a message box (a chat's one-line box, a redesign's): our guess first,
   * then any text input. Most text inputs are not message boxes (search, a name, the tag picker's filter):
   * page.ts `messageInput` keeps one only where the page says it is one (a Send/Post control beside it, no
   * other box with it, nothing naming it a search or a form's field).
   */
  messageInput: ['[data-name="messageComposer"] input:is([type="text"], :not([type]))', 'input:is([type="text"], :not([type]))'],
} as const;

export type SelectorName = keyof typeof SELECTORS;

/**
 * How much each selector above is worth, in the same order: `verified` (seen verbatim in public sources),
 * `guess` (our markup for what nobody has published) or `generic` (survives a redesign, by structure or
 * role). The page doctor (lib/dojo/doctor.ts) tells the teacher which kind found each part.
 */
export type Tier = 'verified' | 'guess' | 'generic';

export const TIERS: { readonly [K in SelectorName]: readonly Tier[] } = {
  appRoot: ['verified', 'generic'],
  dialogPortal: ['generic', 'generic', 'generic'],
  storyPost: ['verified', 'verified'],
  storyPostHeader: ['verified'],
  storyPostTime: ['verified'],
  storyPostAuthor: ['verified'],
  storyPostMedia: ['generic', 'generic'],
  storyPostBody: ['verified', 'verified'],
  storyPostClassName: ['verified'],
  classSwitcher: ['guess', 'guess', 'guess'],
  eventPostTitle: ['verified'],
  eventPostMark: ['verified', 'verified'],
  studentTile: ['verified'],
  messageBubble: ['guess', 'generic'],
  parentBubble: ['guess'],
  messageText: ['guess'],
  staffBubble: ['guess', 'guess'],
  messageSender: ['guess'],
  messageTime: ['guess', 'generic'],
  threadHeader: ['guess'],
  taggedStudent: ['guess'],
  attachment: ['guess', 'guess'],
  composerContainer: ['guess', 'guess', 'generic'],
  sendButton: ['guess', 'guess'],
  pointButton: ['verified'],
  composer: ['guess', 'guess', 'guess', 'generic', 'generic', 'generic', 'generic'],
  messageInput: ['guess', 'generic'],
};

/**
 * The accessible names of Send and Post controls, in the languages ClassDojo's interface comes in (a few):
 * how a send control is found when our data-name guesses are gone. An icon-only button names what it sends
 * ("Send message", "Post reply", Welsh "Anfon neges"): the verb (or "Reply") alone, with what it sends ("Send a
 * message", "Share post", "Envoyer le message", "Wyślij wiadomość"), with "now", or with where it goes ("Post to
 * Class Story") is a send control too (probe 21e D12). "Share a photo or video" or "Share something…" is not:
 * that opens a message box (OPENER_VERBS).
 */
export const SEND_LABELS =
  /^(post|send|share|publish|reply|postio|anfon|rhannu|ateb|wyślij|opublikuj|odpowiedz|enviar|publicar|responder|envoyer|publier|répondre|trimite)(\s+((a|an|the|le|el|un|une)\s+)?(message|reply|post|comment|story|now|neges|nawr|wiadomość|mensaje|historia|mesaj)|\s+to\s.+)?$/i;

/**
 * Why a page that should have a message box shows none without ClassDojo having changed (lib/dojo/probe.ts
 * `noComposerReason`), so the page doctor does not cry "ClassDojo may have changed" (probe 21e D2):
 * - a control that opens the message box: the box is drawn when it is pressed, often in a dialog outside the
 *   app root (shared/docs/classdojo-web-app.md);
 * - a page still loading (a busy or progress indicator, grey placeholder blocks);
 * - an error page ("Something went wrong", "Try again").
 * Names and words, not ClassDojo's markup (not published): the interface's languages (English, Welsh).
 *
 * An opener is known by how it is labelled, not by a list of its phrases (probe 21f N2): its name starts with
 * a verb of making or sharing, or is "+" and such a verb ("Share a photo or video", "Create", "+ New", "Write a
 * post", Welsh "Neges newydd"), or is a question inviting a post ("What's on your mind?"). OPENER_VERBS is that first word;
 * OPENER_QUESTION the invitation; NOT_OPENER a verb whose object is no message (people, classes, settings:
 * "Add student", "Create group"). lib/dojo/probe.ts `openerName` combines them with the control's role.
 */
export const OPENER_VERBS =
  /^[+\uFF0B]?\s*(share|post|write|add|create|compose|start|new|make|upload|publish|draft|announce|rhannu|postio|ysgrifennu|creu|ychwanegu|newydd|cyhoeddi|dechrau|(neges|post|postiad|stori)\s+newydd)\b/i;
export const OPENER_QUESTION = /\b(share|post|write|say|tell|add|create|new|mind|happening|rhannu|newydd)\b.*\?\s*$/i;
export const NOT_OPENER =
  /^\S+\s+(?:(?:a|an|the|new|your|my)\s+)?(students?|pupils?|parents?|famil(?:y|ies)|teachers?|co-?teachers?|members?|staff|class(?:es)?|schools?|groups?|skills?|points?|behaviou?rs?|accounts?|filters?|folders?|contacts?|people|reactions?|emoji|disgybl\w*|rhieni|dosbarth\w*|grwp)\b/i;
/**
 * How an opener's name is shaped, beside the verbs (probe 21g: recognition rests on role and structure, the verb
 * list is one weak signal among them, lib/dojo/probe.ts `isOpener`): a placeholder's trailing ellipsis ("Write a
 * post…", "Ysgrifennwch neges…"); a name of something new ("New post", "+ Story", "Neges newydd"); and the kinds of
 * message a box makes ("post", "message", "story", Welsh "neges", "stori").
 */
export const PLACEHOLDER_SHAPE = /(…|\.\.\.)\s*$/;
export const FRESH_SHAPE = /^([+\uFF0B]|new\b)|\bnewydd\b/i;
export const MESSAGE_NOUN = /\b(posts?|messages?|stor(y|ies)|announcements?|updates?|neges(euon)?|postiad(au)?|stori(au)?|cyhoeddiad)\b/i;
/** Where an opener is not (the app's navigation: its tabs and links): outside the feed's head. */
export const NAVIGATION = 'nav, [role="navigation"], [role="tablist"], [role="menubar"]';
export const BUSY_MARKS = '[aria-busy="true"], [role="progressbar"]';
/**
 * A skeleton screen's grey placeholder blocks: empty elements of these tags drawn at least this big (CSS px),
 * shown before the feed is (probe 21f N2). Tags, not class names: ClassDojo's classes are generated hashes.
 */
export const PLACEHOLDER_TAGS = new Set(['div', 'span', 'li', 'p', 'section', 'article', 'figure']);
export const PLACEHOLDER_MIN = { width: 40, height: 8 };
/** A page's own words for loading, at the start of a short text ("Loading your class…"). */
export const LOADING_WORDS = /^\s*(loading|please wait|one moment|just a moment|llwytho|arhoswch)\b/i;
export const ERROR_WORDS =
  /something went wrong|went wrong|something.s not right|\boops\b|\berror\b|try again|not found|\b(404|500|503)\b|sorry, (this|we|something)|having trouble|(isn.t|is not|not) available|(couldn.t|could not|can.t|cannot|unable to|failed to) (load|connect|reach)|you.re offline|you are offline|no internet|aeth rhywbeth o.i le|rhowch gynnig arall/i;
/** Where an error page says so: an alert, a heading or a paragraph of the page's own. */
export const ERROR_PLACES = '[role="alert"], [role="alertdialog"], h1, h2, h3, h4, p';
/**
 * A box's controls that add pupils' tags or photos (guesses, then by input type and name): a box with one can
 * carry them, so the doctor needs to see its tags and photos (probe 21e D5). A welcome-message dialog has none.
 */
export const EXTRAS_CONTROLS = '[data-name="tagStudentsButton"], [data-name="addPhotoButton"], [data-name="studentTagPicker"], input[type="file"]';
export const EXTRAS_LABELS = /\b(tag|tags|tagged|photos?|images?|pictures?|videos?|media|upload|attach\w*|camera|tagio|llun(iau)?|fideo)\b/i;

/**
 * What says a text input is no message box (page.ts `messageInput`): by its role or attributes (a search, a
 * picker's combobox, a field the browser fills in: `autocomplete` other than "off"), inside a search region, or
 * by the words of its name, id, placeholder or label (a search, a filter, a name, an address, a title).
 */
export const NOT_MESSAGE_INPUT = '[role="search"] *, [role="searchbox"], [role="combobox"], [aria-autocomplete], [list], [enterkeyhint="search"], [inputmode="search"], [autocomplete]:not([autocomplete="off"])';
export const NOT_MESSAGE_WORDS = /search|filter|password|e-?mail|user|log ?in|sign ?in|name|title|teitl|subject|chwilio|hidlo|\b(find|enw|url|link|code|date)\b/i;
/** Every text box, for "no other box beside it": a box with another one is a form, not a message box. */
export const TEXT_BOXES = 'textarea, [contenteditable], input:is(:not([type]), [type="text"], [type="search"], [type="email"], [type="password"], [type="tel"], [type="url"])';

/** How a thread header says how many people are in the chat ("29 participants"), when no attribute does. */
export const PARTICIPANTS_TEXT = /(?<!\d)(\d+)\s+(participants|people|members|families)/i;

/** Where a thread header's participant count is, as an attribute (guess). */
export const PARTICIPANT_COUNT_ATTR = 'data-participant-count';

/** A post's ClassDojo id, where the page shows one (fixture markup; ClassDojo's own is not published). */
export const POST_ID_ATTR = 'data-post-id';

/**
 * What looks like a post when the story-post selectors find none: an article, or a part whose data-name says
 * post, entry or card. Only the page doctor counts these, to tell a renamed feed ("ClassDojo may have renamed
 * its posts") from an empty one; nothing is read or checked through it.
 */
export const POST_LIKE = 'article, [role="article"], [data-name*="post" i], [data-name*="entry" i], [data-name*="card" i]';

/** A text box, wherever it is: the page doctor looks for one inside frames and components Policy Guard does not read. */
export const ANY_EDITOR = 'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]';

/** The selectors of one entry joined for a single querySelectorAll, preserving document order. */
export function anyOf(name: SelectorName): string {
  return SELECTORS[name].join(', ');
}
