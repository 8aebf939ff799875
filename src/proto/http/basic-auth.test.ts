import { describe, expect, it } from 'vitest';
import { basicCredentials } from './basic-auth.js';

const basic = (text: string) => `Basic ${Buffer.from(text, 'latin1').toString('base64')}`;

describe('basicCredentials', () => {
  it('splits user and password at the first colon (passwords may hold colons)', () => {
    expect(basicCredentials(basic('alice:s3:cret'))).toEqual({ user: 'alice', password: 's3:cret' });
    expect(basicCredentials(`bAsIc  ${Buffer.from('u:').toString('base64')}`)).toEqual({ user: 'u', password: '' });
  });

  it('gives no password without a colon and nothing for other schemes', () => {
    expect(basicCredentials(basic('token'))).toEqual({ user: 'token', password: null });
    expect(basicCredentials('Bearer abc.def')).toBeNull();
    expect(basicCredentials(null)).toBeNull();
  });
});
