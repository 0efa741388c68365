# test: full-stderr
# A traceback through exec'd and eval'd code: "<string>" frames have no source line.
source = """
def scale(values, k):
    return [v * k for v in values]

result = scale([1, 2], None) + eval("1 + None")
"""
exec(source, {})
