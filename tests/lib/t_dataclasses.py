# Tests for lib/dataclasses.py beyond tests/lib/scenarios/dataclasses_scn.py: the generated
# class __doc__ (Kestrel cannot assign a class __doc__ yet, so this is checked under CPython only).
import dataclasses as c_dataclasses


@test
def test_dataclasses_doc():
    for m in (K['dataclasses'], c_dataclasses):
        @m.dataclass
        class P:
            x: int
            y: str = 'a'
            z: list = m.field(default_factory=list)
            w: 'Q' = None

        @m.dataclass(kw_only=True)
        class KW:
            a: int
            b: float = 1.5

        @m.dataclass
        class E:
            pass

        @m.dataclass
        class Doc:
            """Own doc."""
            a: int
        if m is c_dataclasses:
            want = [P.__doc__, KW.__doc__, E.__doc__, Doc.__doc__]
        else:
            got = [P.__doc__, KW.__doc__, E.__doc__, Doc.__doc__]
    check('dataclass __doc__', got, want)
