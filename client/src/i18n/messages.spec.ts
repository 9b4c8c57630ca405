import { BOARD_STAGES, TASK_EVENT_TYPES } from '@workplan/shared';
import { EVENT_NAMES, MESSAGES, STAGE_NAMES } from './messages';
import { translate } from './i18n';

describe('translations', () => {
  it('every English message exists and differs from the Chinese one where it is prose', () => {
    for (const key of Object.keys(MESSAGES['zh-CN']) as Array<keyof (typeof MESSAGES)['en']>) {
      expect(MESSAGES.en[key]).toBeTruthy();
    }
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
  });

  it('names every stage and event in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const stage of BOARD_STAGES) expect(STAGE_NAMES[lang][stage]).toBeTruthy();
      for (const event of TASK_EVENT_TYPES) expect(EVENT_NAMES[lang][event]).toBeTruthy();
    }
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'cooperatingCount', { n: 3 })).toBe('3 个配合单位');
    expect(translate('en', 'moved', { event: 'Accept', title: 'T' })).toBe('Accept: T');
  });
});
