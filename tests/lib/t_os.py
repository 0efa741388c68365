# Tests for lib/os.py and lib/posixpath.py against CPython. The native module _posix is
# emulated here with CPython's own os (this shim is also the reference for the C++ version).
import types as _types_for_posix


def _make_posix_shim():
    import os as cos
    m = _types_for_posix.ModuleType('_posix')
    m.getcwd = cos.getcwd
    m.listdir = cos.listdir
    m.stat = lambda p: (lambda s: (s.st_mode, s.st_size, s.st_mtime))(cos.stat(p))
    m.unlink = cos.unlink
    m.mkdir = cos.mkdir
    m.rmdir = cos.rmdir
    m.rename = cos.rename
    m.getpid = cos.getpid
    m.environ = lambda: dict(cos.environ)
    return m


sys.modules.setdefault('_posix', _make_posix_shim())


@test
def test_posixpath_pure():
    import posixpath as cp
    kp = K['posixpath']
    paths = ['', '/', '//', '///', 'a', 'a/', '/a', 'a/b', '/a/b/', 'a//b', '//a/b', '///a',
             'a/./b', 'a/../b', '../a', '/../a', './a/..', 'a/b/../../..', '.bashrc', 'a.b.c',
             '/x/.hidden.txt', 'a/..b', '...', 'a.', 'dir.ext/file', '/a/b/c.tar.gz', 'x/./',
             b'/a/b.c', b'a//../b', b'', b'..', '~', '~/x', '~user/x', 'x/~']
    for f in ['split', 'splitext', 'basename', 'dirname', 'normpath', 'isabs', 'splitdrive',
              'normcase']:
        for p in paths:
            same(f'posixpath.{f}({p!r})', getattr(kp, f), getattr(cp, f), p)
    joins = [('a',), ('a', 'b'), ('a/', 'b'), ('a', '/b', 'c'), ('', 'x'), ('a', ''), ('/', 'a', 'b/'),
             (b'a', b'b'), ('a', b'b'), (b'a', 'b'), ('a', 3), (3,), ('', '')]
    for args in joins:
        same(f'posixpath.join{args!r}', kp.join, cp.join, *args)
    for a in [['/usr/lib', '/usr/local/lib'], ['abc', 'abd', 'ab'], [], ['x'], [[1, 2], [1, 3]]]:
        same(f'commonprefix({a!r})', kp.commonprefix, cp.commonprefix, a)
    for a in [['/usr/lib', '/usr/local/lib'], ['/usr/lib/', '/usr/lib'], ['a/b', 'a/c'], ['/a', 'b'],
              [], ['a/./b', 'a/b/c'], [b'/a/b', b'/a/c'], ['a', b'a']]:
        same(f'commonpath({a!r})', kp.commonpath, cp.commonpath, a)
    for p, s in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/a/x', '/b/y'), ('/a', '/a'), ('a/b', 'a'),
                 ('', '/'), ('x', None), (b'/a/b', b'/a'), ('/a', b'/b')]:
        same(f'relpath({p!r}, {s!r})', kp.relpath, cp.relpath, p, s)

    class P:
        def __fspath__(self):
            return '/p/q.x'

    class Bad:
        def __fspath__(self):
            return 3
    for f in ['basename', 'splitext', 'dirname']:
        for arg in [P(), Bad(), 5, None]:
            same(f'posixpath.{f}({arg!r})', getattr(kp, f), getattr(cp, f), arg)


@test
def test_posixpath_env():
    import posixpath as cp
    import os as cos
    kp = K['posixpath']
    for p in ['~', '~/x', '~user/x', 'x/~', b'~/q', '~/', '/~']:
        same(f'expanduser({p!r})', kp.expanduser, cp.expanduser, p)
    cos.environ['KESTREL_T'] = 'val'
    for p in ['$KESTREL_T/a', '${KESTREL_T}b', '$KESTREL_T_', 'x$', '$/y', '${KESTREL_T', '$NOPE_NOT_SET',
              '${NOPE}', 'a$KESTREL_T$KESTREL_T', '$$', 'no vars', b'$KESTREL_T']:
        same(f'expandvars({p!r})', kp.expandvars, cp.expandvars, p)
    for p in ['.', 'a/b', '/x/../y', '', b'q']:
        same(f'abspath({p!r})', kp.abspath, cp.abspath, p)
        same(f'realpath({p!r})', kp.realpath, cp.realpath, p)


@test
def test_os_fs():
    import os as cos
    import tempfile
    ko = K['os']
    check('os.path is posixpath', ko.path is K['posixpath'], True)
    for attr in ['sep', 'linesep', 'name', 'curdir', 'pardir', 'extsep', 'altsep', 'pathsep', 'devnull',
                 'SEEK_SET', 'SEEK_END', 'F_OK']:
        check(f'os.{attr}', getattr(ko, attr), getattr(cos, attr))
    check('getcwd', ko.getcwd(), cos.getcwd())
    check('getpid', ko.getpid(), cos.getpid())
    check('environ HOME', ko.environ.get('HOME'), cos.environ.get('HOME'))
    check('getenv', (ko.getenv('PATH'), ko.getenv('NOPE_X'), ko.getenv('NOPE_X', 1)),
          (cos.getenv('PATH'), cos.getenv('NOPE_X'), cos.getenv('NOPE_X', 1)))
    check('environ len', len(ko.environ) == len(cos.environ), True)
    same('environ missing', lambda: ko.environ['NOPE_X'], lambda: cos.environ['NOPE_X'])
    ko.environ['KT_NEW'] = 'x'
    check('environ set', (ko.environ['KT_NEW'], 'KT_NEW' in ko.environ), ('x', True))
    same('environ set int', lambda: ko.environ.__setitem__('a', 1), lambda: cos.environ.__setitem__('a', 1))
    del ko.environ['KT_NEW']
    check('environ del', 'KT_NEW' in ko.environ, False)
    check('get_exec_path', ko.get_exec_path({'PATH': '/a:/b'}), cos.get_exec_path({'PATH': '/a:/b'}))

    class P:
        def __fspath__(self):
            return 'pp'
    for a in ['x', b'y', P(), 3, None]:
        same(f'fspath({a!r})', ko.fspath, cos.fspath, a)
    check('PathLike', (isinstance(P(), ko.PathLike), isinstance('x', ko.PathLike)), (True, False))
    check('fsencode', (ko.fsencode('é'), ko.fsdecode(b'\xc3\xa9')), (cos.fsencode('é'), cos.fsdecode(b'\xc3\xa9')))

    with tempfile.TemporaryDirectory() as tmp:
        kj = ko.path.join
        ko.makedirs(kj(tmp, 'a', 'b', 'c'))
        check('makedirs', cos.path.isdir(kj(tmp, 'a', 'b', 'c')), True)
        ko.makedirs(kj(tmp, 'a', 'b'), exist_ok=True)
        same('makedirs exists', lambda: ko.makedirs(kj(tmp, 'a')), lambda: cos.makedirs(kj(tmp, 'a')))
        with open(kj(tmp, 'a', 'f.txt'), 'w') as f:
            f.write('hello')
        fp = kj(tmp, 'a', 'f.txt')
        check('isfile', (ko.path.isfile(fp), ko.path.isfile(kj(tmp, 'a')), ko.path.isfile(kj(tmp, 'zz'))),
              (True, False, False))
        check('isdir', (ko.path.isdir(fp), ko.path.isdir(kj(tmp, 'a')), ko.path.isdir(kj(tmp, 'zz'))),
              (False, True, False))
        check('exists', (ko.path.exists(fp), ko.path.exists(kj(tmp, 'zz')), ko.path.exists(tmp.encode())),
              (True, False, True))
        check('getsize', ko.path.getsize(fp), 5)
        check('getmtime', ko.path.getmtime(fp), cos.path.getmtime(fp))
        st, cst = ko.stat(fp), cos.stat(fp)
        check('stat', (st.st_mode, st.st_size, st.st_mtime, st[6], st[0]),
              (cst.st_mode, cst.st_size, cst.st_mtime, cst[6], cst[0]))
        same('stat missing', lambda: ko.stat(kj(tmp, 'zz')), lambda: cos.stat(kj(tmp, 'zz')))
        check('listdir', sorted(ko.listdir(kj(tmp, 'a'))), sorted(cos.listdir(kj(tmp, 'a'))))
        check('listdir bytes', sorted(ko.listdir(kj(tmp, 'a').encode())), sorted(cos.listdir(kj(tmp, 'a').encode())))
        check('walk', list(ko.walk(tmp)), list(cos.walk(tmp)))
        check('walk bottom-up', list(ko.walk(tmp, topdown=False)), list(cos.walk(tmp, topdown=False)))
        ko.rename(fp, kj(tmp, 'g.txt'))
        check('rename', (cos.path.exists(fp), cos.path.exists(kj(tmp, 'g.txt'))), (False, True))
        ko.remove(kj(tmp, 'g.txt'))
        check('remove', cos.path.exists(kj(tmp, 'g.txt')), False)
        same('unlink missing', lambda: ko.unlink(kj(tmp, 'g.txt')), lambda: cos.unlink(kj(tmp, 'g.txt')))
        same('rmdir nonempty', lambda: ko.rmdir(kj(tmp, 'a')), lambda: cos.rmdir(kj(tmp, 'a')))
        ko.mkdir(kj(tmp, 'm'))
        same('mkdir exists', lambda: ko.mkdir(kj(tmp, 'm')), lambda: cos.mkdir(kj(tmp, 'm')))
        ko.rmdir(kj(tmp, 'm'))
        check('rmdir', cos.path.exists(kj(tmp, 'm')), False)
        open(kj(tmp, 'keep'), 'w').close()
        ko.removedirs(kj(tmp, 'a', 'b', 'c'))
        check('removedirs', cos.path.exists(kj(tmp, 'a')), False)
        old = cos.getcwd()
        cos.chdir(tmp)
        try:
            check('relpath cwd', ko.path.relpath('/'), cos.path.relpath('/'))
            check('abspath cwd', ko.path.abspath('q/../r'), cos.path.abspath('q/../r'))
        finally:
            cos.chdir(old)
