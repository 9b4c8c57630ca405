import { MutationRateLimit } from './mutation-rate-limit';

describe('mutation rate limit', () => {
  it('refuses the call over the limit with RATE_LIMITED, then lets it through once the minute has moved on', () => {
    let clock = 1_000_000;
    const limit = new MutationRateLimit(3, () => clock);
    for (let i = 0; i < 3; i++) {
      limit.take('u1');
      clock += 1_000;
    }
    expect(() => limit.take('u1')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 57 }) }));
    limit.take('u2'); // someone else is not affected
    clock += 57_001; // the first call has left the window
    expect(() => limit.take('u1')).not.toThrow();
  });
});
