# Kestrel: os -- the portable subset of CPython's os module over a small native module
# _posix (see below), imported lazily so that `import os` and the pure os.path functions
# work without it.
#
# Native interface expected from _posix (all paths are str; errors are raised as the
# OSError subclass CPython would raise, e.g. FileNotFoundError(errno, strerror, path)):
#   getcwd() -> str
#   listdir(path: str) -> list[str]          (no '.' / '..', directory order)
#   stat(path: str) -> (st_mode: int, st_size: int, st_mtime: float)   (follows symlinks)
#   unlink(path: str) -> None
#   mkdir(path: str, mode: int) -> None
#   rmdir(path: str) -> None
#   rename(src: str, dst: str) -> None
#   getpid() -> int
#   environ() -> dict[str, str]              (a fresh copy of the process environment)

import sys
import posixpath as path

__all__ = ['altsep', 'curdir', 'pardir', 'sep', 'pathsep', 'linesep', 'defpath', 'name', 'path',
           'devnull', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'fsencode', 'fsdecode', 'get_exec_path',
           'fdopen', 'extsep', 'environ', 'getenv', 'fspath', 'PathLike', 'getcwd', 'getcwdb',
           'listdir', 'stat', 'stat_result', 'remove', 'unlink', 'mkdir', 'makedirs', 'rmdir',
           'removedirs', 'rename', 'renames', 'replace', 'getpid', 'urandom', 'walk', 'error',
           'putenv', 'unsetenv', 'strerror', 'cpu_count']

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
sep = path.sep
pathsep = path.pathsep
defpath = path.defpath
altsep = path.altsep
devnull = path.devnull

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

error = OSError


def _native():
    import _posix
    return _posix


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError('expected str, bytes or os.PathLike object, not ' + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError('expected {}.__fspath__() to return str or bytes, not {}'.format(
        path_type.__name__, type(path_repr).__name__))


class _PathLikeMeta(type):
    __hash__ = type.__hash__  # Kestrel: classes of a type subclass are otherwise unhashable

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return type.__subclasscheck__(cls, subclass)


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def _str_path(p, funcname):
    if isinstance(p, int) and not isinstance(p, bool):
        raise NotImplementedError(f'{funcname}(): file descriptors are not supported by Kestrel')
    p = fspath(p)
    if isinstance(p, bytes):
        return fsdecode(p), True
    return p, False


# ---- environment ---------------------------------------------------------------------------

class _Environ:
    """The process environment as a mutable mapping of str to str (loaded on first use).
    Changes are visible to os.getenv/os.environ only: _posix has no putenv yet."""

    def __init__(self):
        self._data = None

    def _d(self):
        d = self._data
        if d is None:
            d = self._data = dict(_native().environ())
        return d

    def __getitem__(self, key):
        try:
            return self._d()[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        self._d()[key] = value

    def __delitem__(self, key):
        try:
            del self._d()[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._d()))

    def __len__(self):
        return len(self._d())

    def __contains__(self, key):
        return key in self._d()

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._d() == other._d()
        if isinstance(other, dict):
            return self._d() == other
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return 'environ({{{}}})'.format(', '.join(
            '{!r}: {!r}'.format(k, v) for k, v in self._d().items()))

    def get(self, key, default=None):
        return self._d().get(key, default)

    def keys(self):
        return self._d().keys()

    def values(self):
        return self._d().values()

    def items(self):
        return self._d().items()

    def copy(self):
        return dict(self._d())

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _marker = object()

    def pop(self, key, default=_marker):
        if key in self._d():
            return self._d().pop(key)
        if default is _Environ._marker:
            raise KeyError(key)
        return default

    def popitem(self):
        return self._d().popitem()

    def clear(self):
        self._d().clear()

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._d())
        new.update(other.items() if isinstance(other, _Environ) else other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._d())
        return new

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ()


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---- file system ---------------------------------------------------------------------------

class stat_result:
    """Result of os.stat(): st_mode, st_size, st_mtime (float), st_mtime_ns. Kestrel's _posix
    does not report the other fields; st_atime and st_ctime equal st_mtime, the rest are 0."""

    n_sequence_fields = 10
    n_fields = 10

    def __init__(self, values):
        mode, size, mtime = values[0], values[1], values[2]
        self.st_mode = mode
        self.st_ino = 0
        self.st_dev = 0
        self.st_nlink = 0
        self.st_uid = 0
        self.st_gid = 0
        self.st_size = size
        self.st_mtime = float(mtime)
        self.st_atime = self.st_mtime
        self.st_ctime = self.st_mtime
        self.st_mtime_ns = int(mtime * 1000000000)
        self.st_atime_ns = self.st_mtime_ns
        self.st_ctime_ns = self.st_mtime_ns

    def _tuple(self):
        return (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
                self.st_size, int(self.st_atime), int(self.st_mtime), int(self.st_ctime))

    def __getitem__(self, i):
        return self._tuple()[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._tuple())

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._tuple() == other._tuple()
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return ('os.stat_result(st_mode=%d, st_ino=%d, st_dev=%d, st_nlink=%d, st_uid=%d, '
                'st_gid=%d, st_size=%d, st_atime=%d, st_mtime=%d, st_ctime=%d)' % self._tuple())


def stat(path, *, dir_fd=None, follow_symlinks=True):
    p, _ = _str_path(path, 'stat')
    return stat_result(_native().stat(p))


lstat = stat


def getcwd():
    return _native().getcwd()


def getcwdb():
    return fsencode(_native().getcwd())


def listdir(path=None):
    if path is None:
        path = '.'
    p, as_bytes = _str_path(path, 'listdir')
    names = _native().listdir(p)
    if as_bytes:
        return [fsencode(n) for n in names]
    return list(names)


def unlink(path, *, dir_fd=None):
    p, _ = _str_path(path, 'unlink')
    _native().unlink(p)


def remove(path, *, dir_fd=None):
    p, _ = _str_path(path, 'remove')
    _native().unlink(p)


def mkdir(path, mode=0o777, *, dir_fd=None):
    p, _ = _str_path(path, 'mkdir')
    _native().mkdir(p, mode)


def rmdir(path, *, dir_fd=None):
    p, _ = _str_path(path, 'rmdir')
    _native().rmdir(p)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    s, _ = _str_path(src, 'rename')
    d, _ = _str_path(dst, 'rename')
    _native().rename(s, d)


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    s, _ = _str_path(src, 'replace')
    d, _ = _str_path(dst, 'replace')
    _native().rename(s, d)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator (symbolic links are not detected: _posix has no lstat)."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            names = listdir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        dirs = []
        nondirs = []
        for n in names:
            if path.isdir(path.join(top, n)):
                dirs.append(n)
            else:
                nondirs.append(n)
        if topdown:
            yield top, dirs, nondirs
            for d in reversed(dirs):
                stack.append(path.join(top, d))
        else:
            stack.append((top, dirs, nondirs))
            for d in reversed(dirs):
                stack.append(path.join(top, d))


def getpid():
    return _native().getpid()


def urandom(size):
    raise NotImplementedError('os.urandom() is not available in Kestrel')


def strerror(code):
    return _STRERROR.get(code, 'Unknown error %d' % code)


_STRERROR = {1: 'Operation not permitted', 2: 'No such file or directory', 13: 'Permission denied',
             17: 'File exists', 20: 'Not a directory', 21: 'Is a directory',
             22: 'Invalid argument', 39: 'Directory not empty'}


def cpu_count():
    return None


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError('invalid fd type (%s, expected integer)' % type(fd))
    return open(fd, mode, buffering, encoding, *args, **kwargs)
