# Kestrel: Mersenne Twister MT19937 core, bit-compatible with CPython's _randommodule.c.
# Interface kept small (seed, random, getrandbits, getstate, setstate) so it can move to C++.

_N = 624
_M = 397
_MASK = 0xFFFFFFFF


def _init_genrand(s):
    mt = [0] * _N
    mt[0] = s & _MASK
    for i in range(1, _N):
        prev = mt[i - 1]
        mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK
    return mt


def _init_by_array(key):
    mt = _init_genrand(19650218)
    i, j = 1, 0
    klen = len(key)
    for _ in range(max(_N, klen)):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & _MASK
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= klen:
            j = 0
    for _ in range(_N - 1):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
    mt[0] = 0x80000000
    return mt


def _entropy():
    try:
        import time
        t = time.time_ns()
    except (ImportError, AttributeError):
        t = 0
    global _counter
    _counter += 1
    return (t << 64) ^ (id(_entropy) << 16) ^ _counter


_counter = 0


class Random:
    def __init__(self, x=None):
        self.seed(x)

    def seed(self, n=None):
        if n is None:
            n = _entropy()
        elif type(n) is not int:
            n = hash(n) & 0xFFFFFFFFFFFFFFFF   # CPython: (size_t)PyObject_Hash(arg)
        n = abs(n)
        key = []
        while n:
            key.append(n & _MASK)
            n >>= 32
        self._mt = _init_by_array(key or [0])
        self._index = _N

    def _twist(self):
        mt = self._mt
        for k in range(_N):
            y = (mt[k] & 0x80000000) | (mt[(k + 1) % _N] & 0x7FFFFFFF)
            v = mt[(k + _M) % _N] ^ (y >> 1)
            if y & 1:
                v ^= 0x9908B0DF
            mt[k] = v
        self._index = 0

    def _genrand(self):
        if self._index >= _N:
            self._twist()
        y = self._mt[self._index]
        self._index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)

    def random(self):
        a = self._genrand() >> 5
        b = self._genrand() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k == 0:
            return 0
        if k <= 32:
            return self._genrand() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._genrand()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def getstate(self):
        return tuple(self._mt) + (self._index,)

    def setstate(self, state):
        if not isinstance(state, tuple):
            raise TypeError('state vector must be a tuple')
        if len(state) != _N + 1:
            raise ValueError('state vector is the wrong size')
        mt = []
        for x in state[:_N]:
            if x < 0:
                raise OverflowError("can't convert negative value to unsigned int")
            mt.append(x & _MASK)
        index = state[_N]
        if index < 0 or index > _N:
            raise ValueError('invalid state')
        self._mt = mt
        self._index = index
