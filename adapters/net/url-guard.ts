import dns from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { PrivateAddressError } from '../../src/errors.ts';

/**
 * Episode files come from outside, so their `audio_url` and `transcript_url` (and every redirect on the way) must not
 * make the indexer reach into the machine or its network: loopback, the LAN, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, and the IPv6 equivalents, IPv4-mapped or not.
 */
const NOT_PUBLIC = new BlockList();
const V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];
for (const [address, prefix] of V4) {
  // BlockList also matches the IPv4-mapped form (::ffff:127.0.0.1) of IPv4 rules.
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv4');
  // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits, and a NAT64 gateway connects to it.
  NOT_PUBLIC.addSubnet(`64:ff9b::${address}`, 96 + prefix, 'ipv6');
}
const V6: [string, number][] = [
  ['::', 96], // unspecified (reaches the local host), loopback ::1, and the deprecated IPv4-compatible ::a.b.c.d
  ['fc00::', 7], // unique local (AWS's IPv6 metadata is fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local, deprecated
  ['ff00::', 8], // multicast
];
for (const [address, prefix] of V6) NOT_PUBLIC.addSubnet(address, prefix, 'ipv6');

/** Whether an IP address is on the public internet; anything that is not an IP address is not. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, ''); // [::1], fe80::1%eth0
  const family = isIP(bare);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(bare, family === 6 ? 'ipv6' : 'ipv4');
}

export type ResolvedAddress = { address: string; family: number };

/** Which addresses the indexer may connect to, and how it resolves names; tests swap both to play hosts on loopback. */
export type AddressGuard = {
  isAllowed: (address: string) => boolean;
  resolve: (hostname: string) => Promise<ResolvedAddress[]>;
};

export const systemResolve = (hostname: string): Promise<ResolvedAddress[]> => dns.lookup(hostname, { all: true });

/** The default: public addresses only, names resolved by the system. */
export const PUBLIC_ONLY: AddressGuard = { isAllowed: isPublicAddress, resolve: systemResolve };

export type GuardOptions = {
  /** Let URLs reach loopback and private addresses (`ALLOW_PRIVATE_URLS=1`). @default false */
  allowPrivateUrls?: boolean | undefined;
  /** Replaces the address check and the resolver (tests); wins over `allowPrivateUrls`. */
  addresses?: AddressGuard | undefined;
};

/** The guard a download runs under, or undefined when any address may be reached. */
export function addressGuard({ allowPrivateUrls = false, addresses }: GuardOptions): AddressGuard | undefined {
  return addresses ?? (allowPrivateUrls ? undefined : PUBLIC_ONLY);
}

const agents = new WeakMap<AddressGuard, Agent>();

/**
 * An undici Agent that checks the address of every connection it opens. Names are resolved once, in the socket's own
 * `lookup`, and the socket connects to exactly the addresses that were checked: no second resolution a rebinding DNS
 * server could answer differently. IP literals skip `lookup` in `net.connect`, so the connector checks them itself.
 */
export function guardedAgent(guard: AddressGuard): Agent {
  let agent = agents.get(guard);
  if (!agent) {
    const connect = buildConnector({ lookup: guardedLookup(guard) });
    agent = new Agent({
      connect(options, callback) {
        const literal = options.hostname.replace(/^\[(.*)\]$/, '$1');
        if (isIP(literal) && !guard.isAllowed(literal)) return callback(new PrivateAddressError(literal, literal), null);
        connect(options, callback);
      },
    });
    agents.set(guard, agent);
  }
  return agent;
}

function guardedLookup(guard: AddressGuard): LookupFunction {
  return (hostname, options, callback) => {
    guard.resolve(hostname).then(
      (addresses) => {
        // All of them or none: a name that mixes public and private answers is a rebinding attempt, not a CDN.
        const refused = addresses.find(({ address }) => !guard.isAllowed(address));
        const first = addresses[0];
        if (refused) return callback(new PrivateAddressError(hostname, refused.address), '');
        if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
