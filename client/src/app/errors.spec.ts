import { CombinedGraphQLErrors } from '@apollo/client';
import { translate } from '../i18n/i18n';
import { errorMessageKey, toApiError } from './errors';

const say = (language: 'zh-CN' | 'en', error: unknown) => {
  const { key, params } = errorMessageKey(toApiError(error));
  return translate(language, key, params);
};
const graphQLError = (extensions: Record<string, unknown>, message = 'server words') => new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('what a person is told for an error', () => {
  it('says how long to wait when there were too many changes', () => {
    const error = graphQLError({ code: 'RATE_LIMITED', retryAfterSeconds: 42 });
    expect(toApiError(error)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 42 });
    expect(say('zh-CN', error)).toBe('操作过于频繁，请 42 秒后再试');
    expect(say('en', error)).toBe('Too many changes in a short time; please try again in 42 s');
    expect(say('zh-CN', graphQLError({ code: 'RATE_LIMITED' }))).toBe('操作过于频繁，请稍后再试');
  });

  it('says nothing was changed when the database is out of reach', () => {
    expect(say('zh-CN', graphQLError({ code: 'SERVICE_UNAVAILABLE' }))).toBe('服务器暂时无法访问数据库，本次操作未生效，请稍后重试');
    expect(say('en', graphQLError({ code: 'SERVICE_UNAVAILABLE' }))).toMatch(/nothing was changed/);
  });

  it('keeps the field a refusal names, for forms to mark', () => {
    expect(toApiError(graphQLError({ code: 'BAD_USER_INPUT', field: 'email' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('translates FORBIDDEN rather than showing the server’s English', () => {
    expect(say('zh-CN', graphQLError({ code: 'FORBIDDEN' }, 'A admin account may not do this (board)'))).toBe('您没有权限执行此操作');
  });
});
