// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { drawn, installUnfindableText } from '../../../entrypoints/content/core/unfindable';

describe('text drawn as generated content (what window.find() cannot search)', () => {
  installUnfindableText();

  it('draws every string an element renders from an attribute, keeping a hidden copy for textContent', () => {
    const box = document.createElement('div');
    render(
      <p class="pg-line">
        Leo Wright is in Local Authority care <strong>{3}</strong> {' '}
      </p>,
      box,
    );
    const drawnSpans = [...box.querySelectorAll('.pg-t')];
    expect(drawnSpans.map((s) => s.getAttribute('data-t'))).toEqual(['Leo Wright is in Local Authority care ', '3']);
    expect(drawnSpans.every((s) => s.firstElementChild?.hasAttribute('hidden'))).toBe(true);
    // Nothing is rendered as a text node but blank space.
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const shown: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('[hidden]')) shown.push(n.textContent ?? '');
    expect(shown.join('').trim()).toBe('');
    expect(box.textContent!.replace(/\s+/g, ' ').trim()).toBe('Leo Wright is in Local Authority care 3');
  });

  it('leaves a text box, an option and SVG text as they are', () => {
    const box = document.createElement('div');
    render(
      <div>
        <textarea>typed</textarea>
        <select>
          <option>Class 3 Oak</option>
        </select>
        <svg>
          <text>axis</text>
        </svg>
      </div>,
      box,
    );
    expect(box.querySelectorAll('.pg-t')).toHaveLength(0);
  });

  it('leaves blank strings, null and elements alone', () => {
    expect(drawn(' ')).toBe(' ');
    expect(drawn(null)).toBe(null);
    expect(drawn(false)).toBe(false);
  });
});
