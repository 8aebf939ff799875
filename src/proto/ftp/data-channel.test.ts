import { describe, expect, it } from 'vitest';
import { activeChannel, passiveChannel } from './data-channel.js';
import { joinPath } from './session.js';

const control = { origH: '10.0.0.1', respH: '10.0.0.2' };

describe('FTP data channels', () => {
  it('parses PORT, EPRT, PASV and EPSV', () => {
    expect(activeChannel('PORT', '192,168,1,2,7,138', control)).toEqual({ passive: false, origH: '10.0.0.2', respH: '192.168.1.2', respP: 1930 });
    expect(activeChannel('EPRT', '|2|2001:DB8:0:0::1|5282|', control)).toEqual({ passive: false, origH: '10.0.0.2', respH: '2001:db8::1', respP: 5282 });
    expect(passiveChannel(227, 'Entering Passive Mode (192,168,1,2,7,138).', control)).toEqual({ passive: true, origH: '10.0.0.1', respH: '192.168.1.2', respP: 1930 });
    expect(passiveChannel(229, 'Entering Extended Passive Mode (|||6446|)', control)).toEqual({ passive: true, origH: '10.0.0.1', respH: '10.0.0.2', respP: 6446 });
  });

  it('rejects malformed arguments', () => {
    expect(activeChannel('PORT', '300,1,1,1,1,1', control)).toBeNull();
    expect(activeChannel('EPRT', '|2|not-an-address|1|', control)).toBeNull();
    expect(passiveChannel(229, '(|||99999|)', control)).toBeNull();
  });

  it('joins paths without climbing above the root', () => {
    expect(joinPath('/pub', '../../etc/passwd')).toBe('/etc/passwd');
    expect(joinPath('/a', 'b/./c')).toBe('/a/b/c');
  });
});
