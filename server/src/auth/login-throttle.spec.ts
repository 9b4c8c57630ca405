import { LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  let clock = 0;
  const throttle = () => new LoginThrottle({ perAccount: 3, perAddress: 5, windowMs: 60_000 }, () => clock);
  beforeEach(() => (clock = 1_000_000));

  it('lets an account try again only after the window once it failed too often', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) t.recordFailure('a@x', '1.1.1.1');
    expect(t.retryAfter('a@x', '1.1.1.1')).toBe(60);
    expect(t.retryAfter('b@x', '2.2.2.2')).toBe(0); // others unaffected
    clock += 60_001;
    expect(t.retryAfter('a@x', '1.1.1.1')).toBe(0);
  });

  it('limits one address trying many accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(`user${i}@x`, '9.9.9.9');
    expect(t.retryAfter('new@x', '9.9.9.9')).toBeGreaterThan(0);
  });

  it('a success clears the account', () => {
    const t = throttle();
    t.recordFailure('a@x', '1.1.1.1');
    t.recordFailure('a@x', '1.1.1.1');
    t.recordSuccess('a@x');
    t.recordFailure('a@x', '1.1.1.1');
    expect(t.retryAfter('a@x', '1.1.1.1')).toBe(0);
  });
});
