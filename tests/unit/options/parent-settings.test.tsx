// @vitest-environment happy-dom
/**
 * The parent's settings page shows only what applies to a parent (probe 19c D9): the child's school among real
 * schools (no model policy offered as "your child's school"), no policy-file import, and a data section that
 * speaks of what a parent's browser holds, not of rosters and records. The staff page keeps all three.
 */
import { describe, expect, it } from 'vitest';
import { mount } from './mount';
import { ParentSettings } from '../../../components/options/ParentSettings';
import { PolicyChooser } from '../../../components/options/PolicyChooser';
import { DataControls } from '../../../components/options/DataControls';
import type { PolicyState } from '../../../lib/ext/active-policy';
import { PRESET_CATALOG } from '../../../lib/policy/catalog';
import en from '../../../public/_locales/en/messages.json';
import cy from '../../../public/_locales/cy/messages.json';

const STATE: PolicyState = { policy: null, choice: null, managed: false, locked: [] };

const schools = (root: HTMLElement) => [...root.querySelectorAll('[data-policy-guard="policy-chooser"] label.choice')].map((l) => l.textContent?.trim());

describe('the parent’s settings page', () => {
  it('offers only real schools, no policy file, and data wording without rosters or records', async () => {
    const root = await mount(<ParentSettings state={STATE} />);
    const offered = schools(root);
    expect(offered).toEqual(PRESET_CATALOG.filter((p) => !p.generic).map((p) => p.school));
    expect(offered).not.toContain('Class Dojo Acceptable Use Policy (version 2)');
    expect(root.querySelector('[data-policy-guard="policy-file"]')).toBeNull();
    // The fake browser has no messages: t() gives the key, which names the message used.
    expect(root.querySelector('[data-policy-guard="policy-chooser"] legend')?.textContent).toContain('parentPolicyLegend');
    expect(root.querySelector('[data-policy-guard="data"]')?.textContent).toContain('dataHelpParent');
    expect(en.dataHelpParent.message).not.toMatch(/roster|record/i);
    expect(cy.dataHelpParent.message).toBeTruthy();
    expect(cy.parentPolicyLegend.message).toBeTruthy();
  });

  it('the staff page keeps every preset, the policy-file import and the full data wording', async () => {
    const root = await mount(
      <>
        <PolicyChooser state={STATE} />
        <DataControls />
      </>,
    );
    expect(schools(root)).toEqual(PRESET_CATALOG.map((p) => p.school));
    expect(root.querySelector('[data-policy-guard="policy-file"]')).not.toBeNull();
    expect(root.querySelector('[data-policy-guard="data"]')?.textContent).toContain('dataHelp');
    expect(root.querySelector('[data-policy-guard="data"]')?.textContent).not.toContain('dataHelpParent');
  });
});
