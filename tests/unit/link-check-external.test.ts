// `check:links --external` refuses hosts that are, or resolve to, non-public addresses, on redirects
// too (src/publish/link-check.ts). Pure: a fake resolver and a fake transport, no network.
import { describe, expect, it } from 'vitest';
import { checkedAddress, checkExternalUrl, MAX_REDIRECTS, refusedAddress, type Resolve, type Send } from '../../src/publish/link-check.ts';

const dnsOf =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const list = table[host];
    if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('non-public addresses', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '100.127.255.255',
    '169.254.169.254', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', '198.18.0.1', '192.0.2.1',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1',
    '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '2002:c0a8:0101::1', '2001:db8::1', '2001:0::1', '::127.0.0.1',
  ])('refuses %s', (address) => {
    expect(refusedAddress(address)).toMatch(/not a public address/);
  });
  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2002:0808:0808::1'])('allows %s', (address) => {
    expect(refusedAddress(address)).toBeUndefined();
  });
  it('refuses what is not an address at all', () => {
    expect(refusedAddress('localhost')).toMatch(/not an IP address/);
  });
});

describe('checking a host before connecting', () => {
  const resolve = dnsOf({
    'vbpl.vn': ['14.160.1.1'],
    'both.example': ['93.184.216.34', '10.0.0.5'],
    'v6.example': ['2606:4700::1111', 'fd00::5'],
    'metadata.example': ['169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
  });
  it('connects to the checked address of a public host', async () => {
    expect(await checkedAddress(new URL('https://vbpl.vn/x'), resolve)).toEqual({ ok: true, address: '14.160.1.1', family: 4 });
  });
  it('refuses a host when ANY of its addresses is not public', async () => {
    for (const host of ['both.example', 'v6.example', 'metadata.example', 'localhost']) {
      const r = await checkedAddress(new URL(`http://${host}/`), resolve);
      expect(r.ok, host).toBe(false);
      expect(!r.ok && r.reason, host).toMatch(new RegExp(`refused: ${host} resolves to .* not a public address`));
    }
  });
  it('refuses IP literals in every spelling the URL parser accepts, without resolving them', async () => {
    const never: Resolve = async () => {
      throw new Error('must not resolve an IP literal');
    };
    for (const url of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0/', 'http://169.254.169.254/latest/meta-data/']) {
      const r = await checkedAddress(new URL(url), never);
      expect(r.ok, url).toBe(false);
    }
  });
  it('refuses other schemes and credentials', async () => {
    expect(await checkedAddress(new URL('ftp://vbpl.vn/'), resolve)).toMatchObject({ ok: false, reason: expect.stringMatching(/ftp: is not http/) });
    expect(await checkedAddress(new URL('file:///etc/passwd'), resolve)).toMatchObject({ ok: false });
    expect(await checkedAddress(new URL('https://u:p@vbpl.vn/'), resolve)).toMatchObject({ ok: false, reason: expect.stringMatching(/credentials/) });
  });
  it('reports a name that does not resolve', async () => {
    expect(await checkedAddress(new URL('https://nowhere.example/'), resolve)).toMatchObject({ ok: false, reason: expect.stringMatching(/ENOTFOUND/) });
  });
});

describe('following a link', () => {
  const resolve = dnsOf({ 'vbpl.vn': ['14.160.1.1'], 'moved.example': ['93.184.216.34'], 'internal.example': ['192.168.0.10'] });
  /** A fake web: URL -> status and location; records where it was asked to connect. */
  const web = (pages: Record<string, { status: number; location?: string }>) => {
    const calls: string[] = [];
    const send: Send = async (url, method, to) => {
      calls.push(`${method} ${url.href} @${to.address}`);
      return pages[url.href] ?? { status: 404 };
    };
    return { send, calls };
  };

  it('follows redirects between public hosts, connecting to each checked address', async () => {
    const w = web({ 'https://vbpl.vn/a': { status: 301, location: 'https://moved.example/b' }, 'https://moved.example/b': { status: 200 } });
    expect(await checkExternalUrl('https://vbpl.vn/a', { resolve, send: w.send })).toEqual({ url: 'https://vbpl.vn/a', ok: true, status: 'HTTP 200' });
    expect(w.calls).toEqual(['HEAD https://vbpl.vn/a @14.160.1.1', 'HEAD https://moved.example/b @93.184.216.34']);
  });
  it('refuses a redirect to a private, loopback or metadata address and never connects there', async () => {
    for (const location of ['http://internal.example/admin', 'http://127.0.0.1:8080/', 'http://169.254.169.254/latest/', 'http://[::1]/', '//10.0.0.1/x']) {
      const w = web({ 'https://vbpl.vn/a': { status: 302, location } });
      const r = await checkExternalUrl('https://vbpl.vn/a', { resolve, send: w.send });
      expect(r.ok, location).toBe(false);
      expect(r.status, location).toMatch(/^redirect to .*: refused: /);
      expect(w.calls, location).toEqual(['HEAD https://vbpl.vn/a @14.160.1.1']);
    }
  });
  it('uses GET when HEAD is not allowed, and stops after too many redirects', async () => {
    const w = web({ 'https://vbpl.vn/a': { status: 405 } });
    w.send = (async (url, method, to) => ({ status: method === 'HEAD' ? 405 : 200 })) as Send;
    expect((await checkExternalUrl('https://vbpl.vn/a', { resolve, send: w.send })).ok).toBe(true);
    const loop = web({ 'https://vbpl.vn/a': { status: 302, location: '/a' } });
    expect(await checkExternalUrl('https://vbpl.vn/a', { resolve, send: loop.send })).toMatchObject({ ok: false, status: `more than ${MAX_REDIRECTS} redirects` });
  });
  it('reports a refused link without any connection', async () => {
    const w = web({});
    expect(await checkExternalUrl('http://localhost/', { resolve: dnsOf({ localhost: ['127.0.0.1'] }), send: w.send })).toMatchObject({ ok: false });
    expect(w.calls).toEqual([]);
  });
});
