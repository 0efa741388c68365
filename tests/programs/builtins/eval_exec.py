# eval/exec/compile: expressions and statements compiled at run time, with default, explicit
# and separate globals/locals, closures over the namespaces, code objects, and error cases.
x = 10


def show(label, value):
    print(label, repr(value))


show("eval", eval("x * 2 + 1"))
show("eval ws", eval("  \t[i * i for i in range(4)]\n"))
show("eval globals", eval("a + b", {"a": 1, "b": 2}))
show("eval locals", eval("a + b", {"a": 1}, {"b": 5}))
show("eval builtins", eval("len('abc') + max(1, 7)", {}))
show("eval bytes", eval(b"3 ** 4"))
show("eval lambda", eval("lambda n: n + x")(5))

g = {}
exec("y = 5\ndef f(n):\n    return n * y\nz = f(3)", g)
show("exec globals", (g["y"], g["z"], g["f"](2), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g))

ns_g, ns_l = {"base": 100}, {}
exec("v = base + 1\nw = [base + i for i in range(2)]", ns_g, ns_l)
show("exec locals", (ns_l, "v" in ns_g))

exec("x = 42")
show("exec module level", x)


def inner():
    local_value = 7
    show("eval sees locals", eval("local_value * 2"))
    exec("local_value = 99")
    show("exec does not rebind locals", local_value)
    ns = {}
    exec("class K:\n    attr = 3\n    def m(self):\n        return self.attr * 2", ns)
    show("exec class", ns["K"]().m())


inner()

code = compile("total = sum(range(5))", "<generated>", "exec")
env = {}
exec(code, env)
show("compile exec", env["total"])
show("compile eval", eval(compile("2 + 3", "<e>", "eval")))
show("code type", type(code).__name__)

for src, kind in [("x =", "exec"), ("1 +", "eval"), ("import", "exec")]:
    try:
        (exec if kind == "exec" else eval)(src)
    except SyntaxError as e:
        show("SyntaxError", (e.msg, e.lineno))
for bad in [lambda: eval(3), lambda: exec(None), lambda: eval("1", []), lambda: exec("1", [1]),
            lambda: compile("1", "f", "bogus"), lambda: eval("undefined_name")]:
    try:
        bad()
    except (TypeError, ValueError, NameError) as e:
        show(type(e).__name__, str(e))
try:
    exec("def f():\n    raise KeyError('inside')\nf()", {})
except KeyError as e:
    show("KeyError from exec", e.args)
for src in ["x = 1", "pass", "import os", "", "a\nb", "x += 2", "  y: int = 2", "def f(): pass"]:
    try:
        eval(src)
    except SyntaxError as e:
        show("eval SyntaxError", (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text))
