/** Renders a settings-page component into a fresh element, with the fake browser reset (no stored settings). */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export async function mount(node: ComponentChild): Promise<HTMLElement> {
  fakeBrowser.reset();
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root));
  return root;
}
