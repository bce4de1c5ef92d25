import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { TlsMaterial } from '../docker/docker.types';

/** Warned about this long before a certificate expires. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export type CertificateRole = 'CA' | 'client certificate' | 'server certificate';

/** What a certificate says about itself: never the PEM, only its names and dates. */
export interface CertificateFacts {
  role: CertificateRole;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** Its subjectAltName as Node prints it ("IP Address:10.0.0.2, DNS:localhost"), or null. */
  altNames: string | null;
}

/** The stored TLS material of a host or cluster, read: certificates' facts and whether key and certificate belong together. */
export interface StoredTlsFacts {
  certificates: CertificateFacts[];
  /** Null when no client pair is stored. */
  keyMatchesCertificate: boolean | null;
  /** PEM that does not parse (stored before validation existed, or damaged). */
  unreadable: string[];
}

export function certificateFacts(certificate: X509Certificate, role: CertificateRole): CertificateFacts {
  return {
    role,
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    altNames: certificate.subjectAltName ?? null,
  };
}

export function storedTlsFacts(tls: TlsMaterial | undefined): StoredTlsFacts {
  const facts: StoredTlsFacts = { certificates: [], keyMatchesCertificate: null, unreadable: [] };
  if (!tls) return facts;
  const read = (pem: string | null | undefined, role: CertificateRole): X509Certificate | null => {
    if (!pem) return null;
    try {
      const certificate = new X509Certificate(pem);
      facts.certificates.push(certificateFacts(certificate, role));
      return certificate;
    } catch {
      facts.unreadable.push(role);
      return null;
    }
  };
  read(tls.ca, 'CA');
  const client = read(tls.cert, 'client certificate');
  if (client && tls.key) {
    try {
      facts.keyMatchesCertificate = client.checkPrivateKey(createPrivateKey(tls.key));
    } catch {
      facts.unreadable.push('key');
      facts.keyMatchesCertificate = false;
    }
  }
  return facts;
}

/** "expired on …", "not valid before …", "expires in N days (…)" or "valid until …", as of `now`. */
export function validity(c: CertificateFacts, now: number): { state: 'expired' | 'not-yet-valid' | 'expiring' | 'valid'; text: string } {
  const until = c.notAfter.toISOString();
  if (now > c.notAfter.getTime()) return { state: 'expired', text: `expired on ${until}` };
  if (now < c.notBefore.getTime()) return { state: 'not-yet-valid', text: `not valid before ${c.notBefore.toISOString()}` };
  const days = Math.floor((c.notAfter.getTime() - now) / DAY_MS);
  if (days < EXPIRY_WARNING_DAYS) return { state: 'expiring', text: `expires in ${days} days (${until})` };
  return { state: 'valid', text: `valid until ${until} (${days} days)` };
}

/** One evidence line per certificate: `client certificate CN=client (issuer CN=fleet test ca): valid until …`. */
export function describeCertificate(c: CertificateFacts, now: number): string {
  return `${c.role} ${c.subject} (issuer ${c.issuer}): ${validity(c, now).text}`;
}

/** Node prints names one attribute a line. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}
