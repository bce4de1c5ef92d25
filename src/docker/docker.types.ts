/** PEM material for mutual TLS. Plain strings only inside the adapter call; never stored or logged as such. */
export interface TlsMaterial {
  ca?: string | null;
  cert?: string | null;
  key?: string | null;
}

/** What the adapter needs to reach one host. `fingerprint` changes whenever endpoint or credentials change. */
export interface HostTarget {
  hostId: string;
  apiEndpoint: string;
  tlsVerify: boolean;
  tls?: TlsMaterial;
  /** Changes whenever the endpoint, TLS settings or credentials change, so the cached client is rebuilt. */
  fingerprint: string;
}

export interface SystemInfo {
  dockerVersion: string;
  apiVersion: string;
  os: string;
  osType: string;
  architecture: string;
  cpuCount: number;
  memoryBytes: number;
  storageBytes: number | null;
  containerCount: number;
  imageCount: number;
}
