import { gzipSync } from 'node:zlib';
import { pack, type Headers } from 'tar-stream';
import { DomainError } from '../../src/common/errors';
import { checkBuildSources } from '../../src/images/build-sources';
import { parseOutboundAllow } from '../../src/security/outbound-allow';
import { OutboundPolicy } from '../../src/security/outbound-policy';

const policy = new OutboundPolicy({ allow: parseOutboundAllow('127.0.0.1:5000'), lookup: async () => ['93.184.216.34'] });
const BAD = 'FROM busybox\nADD http://127.0.0.1:8080/secret /s\n';
const GOOD = 'FROM busybox\nADD http://public.example/file /f\n';

async function tar(entries: Array<Headers & { content?: string }>): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => archive.on('end', resolve));
  for (const { content, ...header } of entries) archive.entry(header, content ?? '');
  archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

async function refusal(input: Parameters<typeof checkBuildSources>[1]): Promise<string | null> {
  try {
    await checkBuildSources(policy, input);
    return null;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'FORBIDDEN') return `${String(error.details.field)}: ${error.message}`;
    throw error;
  }
}

describe(checkBuildSources.name, () => {
  it('lets a Dockerfile through that fetches only from public hosts, Docker Hub and allowed registries', async () => {
    expect(await refusal({ dockerfile: `${GOOD}FROM 127.0.0.1:5000/fleet/base:1\nCOPY --from=127.0.0.1:5000/tools:1 /a /a\n` })).toBeNull();
  });

  it('refuses a Dockerfile given inline, naming the field and the line', async () => {
    expect(await refusal({ dockerfile: BAD })).toMatch(/^dockerfile: dockerfile: Dockerfile line 2 \(ADD\): http:\/\/127\.0\.0\.1:8080 is on a loopback address/);
    expect(await refusal({ dockerfile: 'FROM busybox\nARG U\nADD $U /u\n', buildArgs: { U: 'http://10.0.0.1/x' } })).toMatch(/line 3 \(ADD\): http:\/\/10\.0\.0\.1 is on a private address/);
  });

  it('reads the Dockerfile inside a tar context, plain or gzip, as Dockerfile or dockerfile, every copy of it', async () => {
    const refusedOf = async (archive: Buffer) => refusal({ contextTarBase64: archive.toString('base64') });
    expect(await refusedOf(await tar([{ name: 'Dockerfile', content: BAD }]))).toMatch(/^contextTarBase64: contextTarBase64: Dockerfile line 2 \(ADD\)/);
    expect(await refusedOf(gzipSync(await tar([{ name: './Dockerfile', content: BAD }])))).toMatch(/line 2 \(ADD\)/);
    expect(await refusedOf(await tar([{ name: 'dockerfile', content: BAD }]))).toMatch(/line 2 \(ADD\)/);
    // tar keeps both entries and extraction lets the last win: both are judged.
    expect(await refusedOf(await tar([{ name: 'Dockerfile', content: GOOD }, { name: 'Dockerfile', content: BAD }]))).toMatch(/line 2 \(ADD\)/);
    expect(await refusedOf(await tar([{ name: 'Dockerfile', content: GOOD }, { name: 'src/Dockerfile', content: BAD }]))).toBeNull();
  });

  it('finds the Dockerfile under every name the Engine cleans to it, and refuses entries written through a link', async () => {
    const refusedOf = async (archive: Buffer) => refusal({ contextTarBase64: archive.toString('base64') });
    for (const name of ['/Dockerfile', 'x/../Dockerfile', './/Dockerfile', 'a/./../dockerfile']) {
      expect(await refusedOf(await tar([{ name: 'Dockerfile', content: GOOD }, { name, content: BAD }]))).toMatch(/line 2 \(ADD\)/);
    }
    expect(await refusedOf(await tar([{ name: 'Dockerfile', content: GOOD }, { name: 'd', type: 'symlink', linkname: '.' }, { name: 'd/Dockerfile', content: BAD }]))).toContain('goes through the link d');
  });

  it('refuses contexts whose Dockerfile it cannot read: a link, bzip2 or xz, not a tar at all', async () => {
    const refusedOf = async (archive: Buffer) => refusal({ contextTarBase64: archive.toString('base64') });
    expect(await refusedOf(await tar([{ name: 'evil', content: BAD }, { name: 'Dockerfile', type: 'symlink', linkname: 'evil' }]))).toContain('its Dockerfile is a symlink, not a file');
    expect(await refusedOf(Buffer.concat([Buffer.from('BZh91AY&SY'), Buffer.alloc(64)]))).toContain('bzip2 and xz contexts cannot be checked');
    expect(await refusedOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]))).toContain('bzip2 and xz contexts cannot be checked');
    expect(await refusedOf(Buffer.from('FROM busybox\nADD http://127.0.0.1/x /x\n'.repeat(20)))).toContain('is not a tar archive that can be read');
    expect(await refusedOf(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toContain('is gzip that does not open');
  });
});
