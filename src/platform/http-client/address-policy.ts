import { BlockList, isIP } from 'node:net';

/**
 * Addresses outbound requests may not reach unless allowlisted: this machine, private
 * networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, documentation
 * and benchmark ranges, multicast and reserved space — for IPv4 and IPv6.
 */
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
];

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::/96) address. */
function embeddedV4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

export interface AddressPolicy {
  /** Why `address` (an IP) may not be reached, or null when it may. */
  refuse(address: string): string | null;
  /** Whether a host name is allowlisted by name (its addresses are then not checked). */
  hostAllowed(host: string): boolean;
}

/**
 * The policy for outbound requests. `allow` lists CIDR ranges (`10.1.0.0/16`, `::1/128`) or
 * host names (`erp.internal`) that may be reached even though they are private.
 */
export function createAddressPolicy(allow: readonly string[] = []): AddressPolicy {
  const allowed = new BlockList();
  const hosts = new Set<string>();
  for (const entry of allow) {
    const [net, prefix] = entry.split('/');
    const family = net ? isIP(net) : 0;
    if (family && net) allowed.addSubnet(net, Number(prefix ?? (family === 4 ? 32 : 128)), family === 4 ? 'ipv4' : 'ipv6');
    else hosts.add(entry.toLowerCase());
  }
  const check = (address: string, family: 'ipv4' | 'ipv6') => allowed.check(address, family) || !blocked.check(address, family);
  return {
    refuse(address: string): string | null {
      const family = isIP(address);
      if (family === 0) return `"${address}" is not an IP address`;
      if (family === 6) {
        const v4 = embeddedV4(address);
        if (v4) return check(v4, 'ipv4') ? null : `${address} maps to the private or reserved address ${v4}`;
        return check(address, 'ipv6') ? null : `${address} is a private, local or reserved address`;
      }
      return check(address, 'ipv4') ? null : `${address} is a private, local or reserved address`;
    },
    hostAllowed: (host) => hosts.has(host.toLowerCase()),
  };
}
