// @vitest-environment happy-dom
/**
 * "Try a draft" draws at once and loads its engine on the first character typed (components/options/TryIt.tsx):
 * while it loads the box keeps everything typed, and the findings are for the draft as it stands once loaded.
 */
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { TryIt } from '../../../components/options/TryIt';
import { policy } from '../rules/helpers';
import { mount } from './mount';

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

async function type(box: HTMLTextAreaElement, text: string) {
  await act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('TryIt', () => {
  it('shows the draft box before any engine, says it is checking, then checks the latest draft', async () => {
    const root = await mount(<TryIt policy={policy('bentley-new-village')} />);
    const box = root.querySelector('[data-policy-guard="try-draft"]') as HTMLTextAreaElement;
    expect(box).not.toBeNull();
    expect(root.querySelector('[data-policy-guard="try-findings"]')).toBeNull();
    // Typed on before the engine has come: the first letter asked for it.
    await type(box, 'W');
    expect(root.querySelector('[data-policy-guard="try-findings"]')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('[data-policy-guard="try-findings"]')?.textContent).toBe('tryChecking');
    await type(box, 'Well done to Amelia Hughes for her story!');
    await settle();
    await settle();
    expect(box.value).toBe('Well done to Amelia Hughes for her story!');
    const findings = root.querySelector('[data-policy-guard="try-findings"]')!;
    expect(findings.getAttribute('aria-busy')).toBe('false');
    expect([...findings.querySelectorAll('[data-rule]')].map((li) => li.getAttribute('data-rule'))).toContain('full-name');
  });
});
