# Kestrel: pure-Python SHA-512 (FIPS 180-4), used by random.seed() for str/bytes seeds.
# Round constants are derived at import time from the cube/square roots of primes.

_M = 0xFFFFFFFFFFFFFFFF


def _iroot(n, k):
    # floor(n ** (1/k)) for ints, by Newton's method from above
    x = 1 << (n.bit_length() // k + 1)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def _primes(count):
    ps, n = [], 2
    while len(ps) < count:
        if all(n % p for p in ps):
            ps.append(n)
        n += 1
    return ps


_P = _primes(80)
_K = [_iroot(p << 192, 3) & _M for p in _P]
_H0 = [_iroot(p << 128, 2) & _M for p in _P[:8]]


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _M


def _compress(h, block):
    w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
    for t in range(16, 80):
        x, y = w[t - 15], w[t - 2]
        s0 = _rotr(x, 1) ^ _rotr(x, 8) ^ (x >> 7)
        s1 = _rotr(y, 19) ^ _rotr(y, 61) ^ (y >> 6)
        w.append((w[t - 16] + s0 + w[t - 7] + s1) & _M)
    a, b, c, d, e, f, g, hh = h
    for t in range(80):
        t1 = (hh + (_rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41))
              + ((e & f) ^ (~e & g)) + _K[t] + w[t]) & _M
        t2 = ((_rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39))
              + ((a & b) ^ (a & c) ^ (b & c))) & _M
        a, b, c, d, e, f, g, hh = (t1 + t2) & _M, a, b, c, (d + t1) & _M, e, f, g
    return [(x + y) & _M for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


class sha512:
    name = 'sha512'
    digest_size = 64
    block_size = 128

    def __init__(self, data=b''):
        self._h = list(_H0)
        self._buf = b''
        self._len = 0
        self.update(data)

    def update(self, data):
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        n = len(buf) - len(buf) % 128
        for i in range(0, n, 128):
            self._h = _compress(self._h, buf[i:i + 128])
        self._buf = buf[n:]

    def copy(self):
        c = sha512()
        c._h, c._buf, c._len = list(self._h), self._buf, self._len
        return c

    def digest(self):
        pad = b'\x80' + b'\x00' * ((111 - self._len) % 128)
        tail = self._buf + pad + (self._len * 8).to_bytes(16, 'big')
        h = self._h
        for i in range(0, len(tail), 128):
            h = _compress(h, tail[i:i + 128])
        return b''.join(x.to_bytes(8, 'big') for x in h)

    def hexdigest(self):
        return self.digest().hex()
