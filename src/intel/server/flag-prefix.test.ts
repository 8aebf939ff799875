import { describe, expect, it } from 'vitest';
import { detectFlag } from './flag-prefix.js';

describe('detectFlag', () => {
  it('waits while the head could still be a flag, then consumes exactly the flag', () => {
    expect(detectFlag(Buffer.from('X-KF-'))).toEqual({ decided: false });
    expect(detectFlag(Buffer.from('X-KF-ReplyBackip=1'))).toEqual({ decided: true, flag: 'X-KF-ReplyBack', consumed: 14 });
    expect(detectFlag(Buffer.from('X-KF-SendFinishedEventX-KF-ReplyBack\n'))).toEqual({ decided: true, flag: 'X-KF-SendFinishedEventX-KF-ReplyBack', consumed: 36 });
    expect(detectFlag(Buffer.from('X-KF-SendFinishedEvent'))).toEqual({ decided: false });
  });
  it('decides "no flag" as soon as the head differs', () => {
    expect(detectFlag(Buffer.from('ip=1.2.3.4'))).toEqual({ decided: true, flag: '', consumed: 0 });
    expect(detectFlag(Buffer.from('X-KF-Other'))).toEqual({ decided: true, flag: '', consumed: 0 });
  });
});
