/**
 * Public suffixes of two labels under which the registered domain has three labels
 * (`example.co.uk`). A compact excerpt of the Public Suffix List (publicsuffix.org, MPL-2.0)
 * covering the common second-level registries; every other name registers at two labels.
 */
export const MULTI_LABEL_SUFFIXES = [
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'me.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'co.nz', 'org.nz', 'net.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'com.cn', 'net.cn', 'org.cn', 'gov.cn',
  'com.hk', 'com.tw', 'com.sg', 'com.my', 'co.in', 'net.in', 'org.in', 'co.id', 'co.th', 'com.vn',
  'com.br', 'net.br', 'org.br', 'com.ar', 'com.mx', 'com.co', 'com.pe', 'co.za', 'org.za',
  'com.tr', 'com.ua', 'com.pl', 'co.il', 'com.eg', 'com.sa', 'com.ng', 'co.ke',
  'github.io', 'herokuapp.com', 'blogspot.com', 'appspot.com', 'cloudfront.net', 'azurewebsites.net', 'amazonaws.com',
].join(',');
