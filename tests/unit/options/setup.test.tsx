// @vitest-environment happy-dom
/** The review of a proposed policy: accept, edit, switch off; nothing in force until "Use this policy". */
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProposalReview } from '../../../components/options/setup/ProposalReview';
import { policyState } from '../../../lib/ext/active-policy';
import { answerAsBackground } from './background';
import { policyChoice, policyEdits } from '../../../lib/ext/settings';
import { blankProposal, proposeFromText } from '../../../lib/policy/from-text';
import en from '../../../public/_locales/en/messages.json';
import cy from '../../../public/_locales/cy/messages.json';

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const text = readFileSync('tests/fixtures/policies/hilltop-primary.txt', 'utf8');

async function mount(proposal = proposeFromText(text, { file: 'hilltop.txt' }), fromDocument = true) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<ProposalReview proposal={proposal} fromDocument={fromDocument} onDone={() => undefined} />, root));
  const item = (key: string) => root.querySelector(`[data-item="${key}"]`) as HTMLElement;
  const click = async (key: string, action: string) => {
    (item(key).querySelector(`[data-action="${action}"]`) as HTMLButtonElement).click();
    await settle();
  };
  return { root, item, click };
}

describe('ProposalReview', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    answerAsBackground();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a DSL named in the document without a way to reach them: marked partly a default, with the note saying which part', async () => {
    const { item } = await mount(proposeFromText('Safeguarding concerns should be raised with our Designated Safeguarding Lead, Mr R Novak.', { file: 'p.txt' }));
    expect(item('contacts.dsl').querySelector('[data-policy-guard="item-origin"]')?.textContent).toBe('setupPartlyFromDocument');
    expect(item('contacts.dsl').querySelector('[data-policy-guard="item-note"]')?.textContent).toMatch(/Not in the document: how to reach them/);
    expect(item('contacts.dsl').querySelector('[data-policy-guard="item-quote"]')?.textContent).toBe('Safeguarding concerns should be raised with our Designated Safeguarding Lead, Mr R Novak.');
  });

  it('shows what the school must check on an item read from the document: a trust’s name, a window left out, the parents’ night', async () => {
    const { item, root } = await mount(
      proposeFromText(
        'Heronsgate Learning Trust ClassDojo Policy\nThis policy applies to all schools in the Trust.\nTeachers reply between 8am and 4pm on weekdays and between 10am and 12pm on Saturdays during residential visits.\nParents are asked not to message staff between 6pm and 7am.\n',
        { file: 'p.txt' },
      ),
    );
    expect(item('name').querySelector('[data-policy-guard="item-check"]')?.textContent).toMatch(/named after the trust/);
    const hours = item('staffHours').querySelector('[data-policy-guard="item-check"]')?.textContent;
    expect(hours).toContain("is for an occasion (“during residential visits”), not the weekly hours");
    expect(hours).toMatch(/“Parents are asked not to message staff between 6pm and 7am\.”/);
    // An item with nothing to check shows none.
    expect(item('routes.clubs').querySelector('[data-policy-guard="item-check"]')).toBeNull();
    expect(root.querySelectorAll('[data-policy-guard="item-check"]').length).toBe(3);
  });

  it('says clearly when nothing could be read from the document, and not for a policy or the blank template', async () => {
    const nothing = await mount(proposeFromText('Our harvest festival raised £412 for the food bank.', { file: 'newsletter.txt' }));
    expect(nothing.root.querySelector('[data-policy-guard="setup-read-nothing"]')?.textContent).toBe('setupReadNothing');
    expect(nothing.root.querySelector('[data-policy-guard="setup-read-nothing"]')?.getAttribute('role')).toBe('alert');
    // A document about something else says that instead (probe 18e: a uniform policy).
    const offTopic = await mount(proposeFromText('Ashdown Primary School\nSchool Uniform Policy\nIf you have difficulty paying for uniform, please speak to Mrs Linda Brooks in the school office.', { file: 'uniform.txt' }));
    expect(offTopic.root.querySelector('[data-policy-guard="setup-read-nothing"]')?.textContent).toBe('setupOffTopic');
    const policy = await mount();
    expect(policy.root.querySelector('[data-policy-guard="setup-read-nothing"]')).toBeNull();
    const blank = await mount(blankProposal('new-policy', 'Larkspur Primary'), false);
    expect(blank.root.querySelector('[data-policy-guard="setup-read-nothing"]')).toBeNull();
  });

  it('shows each item with where it came from and the document’s own words', async () => {
    const { item } = await mount();
    expect(item('staffHours').dataset.origin).toBe('document');
    expect(item('staffHours').querySelector('[data-policy-guard="item-quote"]')?.textContent).toBe(
      'Staff will only send or reply to ClassDojo messages between half past eight and 4pm, Monday to Friday.',
    );
    expect(item('routes.clubs').dataset.origin).toBe('recommended');
    expect(item('routes.clubs').querySelector('[data-policy-guard="item-origin"]')?.textContent).toBe('setupRecommended');
    expect(item('routes.clubs').querySelector('[data-policy-guard="item-quote"]')).toBeNull();
  });

  it('puts nothing in force until "Use this policy", then the reviewed policy, with edits as school settings', async () => {
    const { root, item, click } = await mount();
    expect(await policyChoice.getValue()).toBeNull();
    await click('name', 'edit');
    const name = item('name').querySelector('input[data-field="name"]') as HTMLInputElement;
    name.value = 'Hilltop Community Primary';
    name.dispatchEvent(new Event('input'));
    await settle();
    expect(item('name').querySelector('[data-policy-guard="item-origin"]')?.textContent).toBe('setupSchoolSetting');
    await click('rules.photo-consent', 'off');
    await policyEdits.setValue({ name: 'left over from another policy' });
    (root.querySelector('[data-policy-guard="setup-use"]') as HTMLButtonElement).click();
    await settle();
    const choice = await policyChoice.getValue();
    expect(choice?.kind).toBe('file');
    const state = await policyState();
    expect(state.policy?.name).toBe('Hilltop Community Primary');
    expect(state.policy?.rules['photo-consent'].action).toBe('off');
    expect(state.policy?.hours.staff).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' }]);
    expect(state.policy?.hours.source.origin).toBe('policy');
  });

  it('the neutral template can be used as it is', async () => {
    const { root } = await mount(blankProposal('new-policy', 'Oakwood Primary'));
    (root.querySelector('[data-policy-guard="setup-use"]') as HTMLButtonElement).click();
    await settle();
    expect((await policyState()).policy?.name).toBe('Oakwood Primary');
  });

  it('has its words in English and Welsh', () => {
    const keys = Object.keys(en).filter((k) => /^(setup|schoolName|export|format)/.test(k));
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) expect((cy as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
  });
});
