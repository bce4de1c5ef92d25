import { parseCurl } from '../support/rest';

describe(parseCurl.name, () => {
  it("reads the runbook's flattened curl line: method, URL, headers and the single-quoted body as written", () => {
    const line = `curl -X POST https://api.example.com/api/v1/devops/docker/hosts \\ -H "Authorization: Bearer <jwt>" \\ -H "Content-Type: application/json" \\ -d '{ "host": { "tls_credentials": { /* ca */ } } }'`;
    expect(parseCurl(line)).toEqual({
      method: 'POST',
      url: 'https://api.example.com/api/v1/devops/docker/hosts',
      headers: { authorization: 'Bearer <jwt>', 'content-type': 'application/json' },
      body: '{ "host": { "tls_credentials": { /* ca */ } } }',
    });
  });

  it('refuses words it does not understand rather than guessing', () => {
    expect(() => parseCurl('curl -k https://x.example')).toThrow(/-k/);
  });
});
