import { describe, it } from 'vitest';
import { expectFindings, policy } from './helpers';

const bentley = policy('bentley-new-village');

describe('photo-consent', () => {
  it('flags a tagged pupil without consent', () => {
    expectFindings('photo-consent', bentley, { text: 'Our trip!', media: true, tagged: ['Harry Davies'] }, [{ span: '' }]);
  });
  it('flags a pupil named in a photo post, with the name as the span', () => {
    expectFindings('photo-consent', bentley, { text: 'Harry building his volcano', media: true }, [{ span: 'Harry' }]);
  });
  it('flags a pupil in care, whatever the consent', () => {
    expectFindings('photo-consent', bentley, { text: 'Leo with his painting', media: true, tagged: ['Leo Wright'] }, [{ span: 'Leo' }]);
    expectFindings('photo-consent', bentley, { text: 'Lovely work', media: 1, tagged: ['Leo'], channel: 'private-chat' }, [{ span: '' }]);
  });
  it('does not flag consented pupils, or posts without media', () => {
    expectFindings('photo-consent', bentley, { text: 'Amelia and Grace!', media: true, tagged: ['Amelia Hughes', 'Grace Taylor'] }, []);
    expectFindings('photo-consent', bentley, { text: 'Harry did well', media: false, tagged: ['Harry Davies'] }, []);
  });
  it('flags a tagged name that is not on the roster: consent unknown', () => {
    expectFindings('photo-consent', bentley, { text: 'Sports day', media: true, tagged: ['Sophie Marsh'] }, [{ span: '' }]);
  });
  it('follows consent per channel (Broughton: not on Class Story, allowed privately)', () => {
    const broughton = policy('broughton');
    expectFindings('photo-consent', broughton, { text: 'Great work!', media: true, tagged: ['Freya Thomas'] }, [{ span: '' }]);
    expectFindings('photo-consent', broughton, { text: 'Great work!', media: true, tagged: ['Freya Thomas'], channel: 'private-chat' }, []);
    expectFindings('photo-consent', broughton, { text: 'Great work!', media: true, tagged: ['Freya Thomas'], channel: 'student-story' }, []);
  });
  it('flags any photo in a shared space where children’s photos are banned (AUP v2, 4.12)', () => {
    const aup = policy('acceptable-use-v2');
    expectFindings('photo-consent', aup, { text: 'Our display', media: true, channel: 'class-story' }, [{ span: '' }]);
    expectFindings('photo-consent', aup, { text: 'Our display', media: true, channel: 'private-chat' }, []);
  });
});
