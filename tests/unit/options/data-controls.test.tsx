// @vitest-environment happy-dom
/**
 * The data section's two deletes ask once before they act (one ConfirmButton for both): a first click shows the
 * confirming button and Cancel, Cancel folds it back with nothing deleted, and a parent's page has only "delete".
 */
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { mount } from './mount';
import { DataControls } from '../../../components/options/DataControls';

const hooks = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.dataset.policyGuard ?? b.textContent);
const click = (root: HTMLElement, selector: string) => act(() => (root.querySelector(selector) as HTMLButtonElement).click());

describe('the data section’s confirm buttons', () => {
  it('arms one delete at a time, and Cancel folds it back with nothing deleted', async () => {
    const root = await mount(<DataControls />);
    expect(hooks(root)).toEqual(['delete-records', 'delete-all']);
    await click(root, '[data-policy-guard="delete-records"]');
    expect(hooks(root)).toEqual(['delete-records-confirm', 'cancel', 'delete-all']);
    expect(root.querySelector('[data-policy-guard="delete-records-confirm"]')?.className).toBe('danger');
    await click(root, '[data-policy-guard="delete-all"]');
    expect(hooks(root)).toEqual(['delete-records-confirm', 'cancel', 'delete-all-confirm', 'cancel']);
    const cancels = [...root.querySelectorAll('button')].filter((b) => b.textContent === 'cancel');
    await act(() => cancels[1]!.click());
    await act(() => cancels[0]!.click());
    expect(hooks(root)).toEqual(['delete-records', 'delete-all']);
  });

  it('a parent’s page offers only the one delete, with the parent’s wording', async () => {
    const root = await mount(<DataControls parent />);
    expect(hooks(root)).toEqual(['delete-all']);
    expect(root.querySelector('[data-policy-guard="delete-all"]')?.textContent).toBe('dataDeleteParent');
  });
});
