import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** OpenSSL's ASN.1 time: YYYYMMDDHHMMSSZ. */
const asn1 = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/**
 * A new CA and a server certificate it signs for 127.0.0.1/localhost, valid exactly from `notBefore` to `notAfter`
 * (in the past or the future: `openssl ca` sets any dates, which `req -x509` and `x509 -req` of OpenSSL 3.0 cannot).
 */
export async function serverCertificate(options: { cn: string; notBefore: Date; notAfter: Date }): Promise<{ ca: string; cert: string; key: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fleet-certs-'));
  try {
    const at = (name: string) => path.join(dir, name);
    await writeFile(at('index.txt'), '');
    await writeFile(at('serial'), '01\n');
    await writeFile(
      at('ca.cnf'),
      [
        '[ ca ]', 'default_ca = local', '[ local ]', `database = ${at('index.txt')}`, `new_certs_dir = ${dir}`, `serial = ${at('serial')}`,
        'default_md = sha256', 'policy = any', 'x509_extensions = server', 'unique_subject = no',
        '[ any ]', 'commonName = supplied',
        '[ server ]', 'subjectAltName = IP:127.0.0.1,DNS:localhost', 'extendedKeyUsage = serverAuth',
      ].join('\n') + '\n',
    );
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${options.cn} ca`, '-keyout', at('ca-key.pem'), '-out', at('ca.pem')]);
    await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${options.cn}`, '-keyout', at('key.pem'), '-out', at('csr.pem')]);
    await run('openssl', ['ca', '-batch', '-notext', '-config', at('ca.cnf'), '-cert', at('ca.pem'), '-keyfile', at('ca-key.pem'), '-in', at('csr.pem'), '-out', at('cert.pem'), '-startdate', asn1(options.notBefore), '-enddate', asn1(options.notAfter)]);
    const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((f) => readFile(at(f), 'utf8')));
    return { ca: ca!, cert: cert!, key: key! };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
