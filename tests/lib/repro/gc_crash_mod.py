# Part of the GC crash reproducer: see gc_crash_main.py (this file is meant to be imported).
def run(m, out):
    def tag(name, log):
        try:
            yield name.upper()
        finally:
            log.append('exit ' + name)
    log = []
    out(repr(log))
    with rs:
            print('nested')
    out('reentrant restored %s %r' % (sys.stdout is old, b.parts[-2:]))
    with m.ExitStack() as st:
        out('enter_context %r' % st.enter_context(CM('x')))
        st.callback(log.append, 'callback 1')
        cb = st.callback(lambda *a, **k: log.append('cb %r %r' % (a, k)), 1, 2, z=3)
        out('callback returns fn %s wrapped %s' % (callable(cb), True))
        st.push(CM('pushed'))
        st.push(lambda t, v, tb: log.append('push fn %s' % (t,)))
        st.enter_context(CM('y'))
        out('ACM default enter returns self %s' % (x is mine))
    class NoExit(m.AbstractContextManager):
        pass
    attempt('abstract instantiation', lambda: NoExit() and None)
    class CD(m.ContextDecorator):
        def __enter__(self):
            return self
    def f(a, b=2):
        return a + b
    out('ContextDecorator %r %r %s %s' % (f(1), log, f.__name__, f.__doc__))
    with cm:
        raise exc