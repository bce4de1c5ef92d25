import { DomainError } from '../../src/common/errors';
import { classifyAddress } from '../../src/security/address-class';
import { parseOutboundAllow } from '../../src/security/outbound-allow';
import { OutboundPolicy } from '../../src/security/outbound-policy';

describe(classifyAddress.name, () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.255', 'shared (CGNAT)'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
  ])('classifies %s as %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each(['8.8.8.8', '1.1.1.1', '100.128.0.1', '172.32.0.1', '169.255.0.1', '11.0.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::'])('leaves the public address %s alone', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });
});

describe(parseOutboundAllow.name, () => {
  it('reads hosts, host:port, bracketed IPv6 with a port, addresses and networks', () => {
    expect(parseOutboundAllow(' 127.0.0.1:5000, Registry.Internal ,registry.internal:5001,[::1]:5000,10.0.0.0/8,fd00::/8,192.168.1.7,')).toEqual([
      { host: '127.0.0.1', port: 5000 },
      { host: 'registry.internal', port: null },
      { host: 'registry.internal', port: 5001 },
      { host: '::1', port: 5000 },
      { network: '10.0.0.0', bits: 8 },
      { network: 'fd00::', bits: 8 },
      { network: '192.168.1.7', bits: 32 },
    ]);
    expect(parseOutboundAllow('')).toEqual([]);
  });

  it.each(['10.0.0.0/33', 'host:0', 'host:70000', 'bad_host', 'http://x', 'a b', 'x/8'])('refuses the entry %s, naming it', (entry) => {
    expect(() => parseOutboundAllow(entry)).toThrow(entry);
  });
});

describe(OutboundPolicy.name, () => {
  /** A hand-written resolver: names to answers, anything else does not resolve. */
  const dns: Record<string, string[]> = {
    'public.example': ['93.184.216.34'],
    'internal.example': ['10.0.0.5'],
    'split.example': ['93.184.216.34', '127.0.0.1'], // one private answer among public ones is enough
    'v6-internal.example': ['fd00::5'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'registry.fleet': ['127.0.0.1'],
  };
  const looked: string[] = [];
  const lookup = async (host: string) => {
    looked.push(host);
    if (!dns[host]) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return dns[host]!;
  };
  const policy = (allow = '') => new OutboundPolicy({ allow: parseOutboundAllow(allow), lookup });

  async function refusal(check: Promise<void>): Promise<{ code: string; field: unknown; message: string } | null> {
    try {
      await check;
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, field: error.details.field, message: error.message };
    }
  }

  it.each([
    '127.0.0.1:5000/x:1',
    '127.1:5000/x:1', // the short form of 127.0.0.1
    '10.1.2.3/x:1',
    '169.254.169.254/latest:1',
    'localhost:5000/x:1',
    'localhost/x:1',
    'LOCALHOST/x:1', // capitals make the first part a host for Docker
    'foo.localhost:5000/x:1',
    'internal.example/team/app:1',
    'split.example/x:1',
    'v6-internal.example:443/x:1',
    'mapped.example/x:1',
    'nowhere.example/x:1', // does not resolve: cannot be judged
    '0.0.0.0:5000/x:1',
    'registry.fleet./x:1', // a trailing dot is the same name
  ])('refuses the registry of %s as FORBIDDEN naming the field', async (reference) => {
    const refused = await refusal(policy().checkImage(reference, 'reference'));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', field: 'reference' });
    expect(refused!.message).toMatch(/^reference: registry .* OUTBOUND_ALLOW/);
  });

  it('says why, and reads numeric IPv4 spellings as the address they are', async () => {
    expect((await refusal(policy().checkImage('127.1:5000/x:1', 'reference')))!.message).toContain('is on a loopback address (127.0.0.1)');
    expect((await refusal(policy().checkImage('0x7f.0.0.1:5000/x:1', 'reference')))!.message).toContain('loopback address (127.0.0.1)');
    expect((await refusal(policy().checkImage('split.example/x:1', 'reference')))!.message).toBe('reference: registry split.example is on a loopback address (127.0.0.1): the Docker host would reach its own network; refused unless OUTBOUND_ALLOW lists it');
    expect((await refusal(policy().checkImage('nowhere.example/x:1', 'reference')))!.message).toContain('does not resolve from the API server');
  });

  it('lets public registries and Docker Hub through, Docker Hub without a lookup', async () => {
    looked.length = 0;
    for (const reference of ['busybox:latest', 'library/busybox:1', 'team/app:1', 'docker.io/library/busybox:1', 'index.docker.io/x/y:1', 'public.example/x:1', 'public.example:5000/x:1', '93.184.216.34:5000/x:1']) {
      expect(await refusal(policy().checkImage(reference, 'reference'))).toBeNull();
    }
    expect(looked).toEqual(['public.example', 'public.example']);
  });

  it('allows what OUTBOUND_ALLOW names: host:port only on that port, a host on any port, a network for every name in it', async () => {
    const allowed = policy('127.0.0.1:5000,registry.fleet,10.0.0.0/8');
    expect(await refusal(allowed.checkImage('127.0.0.1:5000/x:1', 'reference'))).toBeNull();
    expect(await refusal(allowed.checkImage('127.0.0.1:5001/x:1', 'reference'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(allowed.checkImage('127.0.0.1/x:1', 'reference'))).toMatchObject({ code: 'FORBIDDEN' }); // port 443
    expect(await refusal(allowed.checkImage('registry.fleet:9999/x:1', 'reference'))).toBeNull();
    expect(await refusal(allowed.checkImage('internal.example/x:1', 'reference'))).toBeNull();
    expect(await refusal(allowed.checkImage('10.200.0.1:8080/x:1', 'reference'))).toBeNull();
    expect(await refusal(allowed.checkImage('localhost:5000/x:1', 'reference'))).toMatchObject({ code: 'FORBIDDEN' }); // a name is not its address
    expect(await refusal(allowed.checkImage('split.example/x:1', 'reference'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(policy('::1').checkImage('mapped.example/x:1', 'reference'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(policy('127.0.0.0/8').checkImage('mapped.example/x:1', 'reference'))).toBeNull(); // mapped IPv4 is IPv4
  });

  it('judges URLs by their host and effective port, and refuses what it cannot parse or judge', async () => {
    const check = (url: string, allow = '') => refusal(policy(allow).checkUrl(url, 'dockerfile', 'dockerfile: Dockerfile line 2 (ADD)'));
    expect(await check('http://public.example/file')).toBeNull();
    expect(await check('https://93.184.216.34:8443/file')).toBeNull();
    for (const url of ['http://127.0.0.1:8080/secret', 'http://[::1]/x', 'http://[::ffff:7f00:1]/x', 'http://0x7f.1/x', 'http://2130706433/x', 'http://user:pw@10.0.0.1/x', 'http://internal.example/x', 'ftp://public.example/x', 'git@github.com:x/y.git', 'http://nowhere.example/x']) {
      const refused = await check(url);
      expect(refused).toMatchObject({ code: 'FORBIDDEN', field: 'dockerfile' });
      expect(refused!.message).toMatch(/^dockerfile: Dockerfile line 2 \(ADD\): /);
    }
    expect(await check('http://127.0.0.1:8080/secret', '127.0.0.1:8080')).toBeNull();
    expect(await check('http://127.0.0.1/secret', '127.0.0.1:8080')).toMatchObject({ code: 'FORBIDDEN' }); // port 80
  });
});
