// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readTextModel } from '../../../lib/dojo/text-model';

/** The DOM shapes of real editors after typing "Good morning families", Enter, "Well done Amelia Hughes today". */
const SHAPES: Record<string, string> = {
  // Chrome's own contenteditable: the first line bare, later lines in <div>s.
  chrome: 'Good morning families<div>Well done Amelia Hughes today</div>',
  // Draft.js: a block per line, text in nested spans with data-text.
  draftjs:
    '<div data-contents="true"><div data-block="true"><div data-offset-key="a-0-0"><span data-offset-key="a-0-0"><span data-text="true">Good morning families</span></span></div></div>' +
    '<div data-block="true"><div data-offset-key="b-0-0"><span data-offset-key="b-0-0"><span data-text="true">Well done </span></span><span data-offset-key="b-1-0" style="font-weight:bold"><span data-text="true">Amelia</span></span><span data-offset-key="b-2-0"><span data-text="true"> Hughes today</span></span></div></div></div>',
  // Lexical: paragraphs of spans.
  lexical: '<p dir="ltr"><span data-lexical-text="true">Good morning families</span></p><p dir="ltr"><span data-lexical-text="true">Well done Amelia Hughes today</span></p>',
  // ProseMirror: paragraphs of text.
  prosemirror: '<p>Good morning families</p><p>Well done Amelia Hughes today</p>',
  // Slate: element divs, leaves in spans, a zero-width anchor in an empty leaf.
  slate:
    '<div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">Good morning families</span></span></span></div>' +
    '<div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">Well done Amelia Hughes today</span></span></span></div>',
  // A <br> between lines in one block (Lexical's plain text, shift+Enter everywhere).
  br: '<p><span>Good morning families</span><br><span>Well done Amelia Hughes today</span></p>',
};

function editable(html: string): HTMLElement {
  document.body.innerHTML = `<div id="box" contenteditable="true">${html}</div>`;
  return document.getElementById('box')!;
}

describe('readTextModel', () => {
  for (const [name, html] of Object.entries(SHAPES)) {
    it(`reads ${name}'s lines and maps a name's offsets to exactly its characters`, () => {
      const model = readTextModel(editable(html));
      expect(model.text).toBe('Good morning families\nWell done Amelia Hughes today');
      const start = model.text.indexOf('Amelia Hughes');
      const range = model.range(start, start + 'Amelia Hughes'.length)!;
      expect(range.toString()).toBe('Amelia Hughes');
    });
  }

  it('keeps an empty line between paragraphs (a block holding only its placeholder <br>)', () => {
    const model = readTextModel(editable('<p>Good morning</p><p><br></p><p>Well done Amelia</p>'));
    expect(model.text).toBe('Good morning\n\nWell done Amelia');
    expect(model.range(14, 23)!.toString()).toBe('Well done');
  });

  it('does not count the placeholder <br> at the end of a line as a break', () => {
    expect(readTextModel(editable('<div>a<br></div><div>b</div>')).text).toBe('a\nb');
    expect(readTextModel(editable('a<br><br>')).text).toBe('a\n');
  });

  it('skips zero-width caret anchors, placeholders and hidden parts, and keeps the map right after them', () => {
    const model = readTextModel(
      editable(
        '<div><span data-slate-placeholder="true" contenteditable="false">Write a message…</span><span>\uFEFF</span></div>' +
          '<div><span>Hi\u200B </span><span aria-hidden="true">(hint)</span><span>Amelia Hughes</span></div>',
      ),
    );
    expect(model.text).toBe('Hi Amelia Hughes');
    expect(model.range(3, 16)!.toString()).toBe('Amelia Hughes');
  });

  it('reads a no-break space as a space, one character for one', () => {
    const model = readTextModel(editable('Well\u00A0done Amelia\u00A0Hughes'));
    expect(model.text).toBe('Well done Amelia Hughes');
    expect(model.range(10, 23)!.toString()).toBe('Amelia\u00A0Hughes');
  });

  it('maps a span that crosses text nodes, and an insertion point at a node edge', () => {
    const model = readTextModel(editable('<span>Well done Ame</span><b>lia</b><span> Hughes</span>'));
    expect(model.range(10, 16)!.toString()).toBe('Amelia');
    const caret = model.range(16, 16)!;
    expect(caret.collapsed).toBe(true);
  });

  it('gives a textarea its value and no DOM ranges', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const box = document.getElementById('t') as HTMLTextAreaElement;
    box.value = 'Good morning\nWell done Amelia';
    const model = readTextModel(box);
    expect(model.plain).toBe(true);
    expect(model.text).toBe('Good morning\nWell done Amelia');
    expect(model.range(0, 4)).toBeUndefined();
  });

  it('refuses offsets outside the text', () => {
    const model = readTextModel(editable('<p>abc</p>'));
    expect(model.range(2, 9)).toBeUndefined();
    expect(model.range(-1, 2)).toBeUndefined();
  });
});
