# json.dumps / json.loads round trips with sort_keys and indentation.
import json
data = {"name": "kestrel", "version": [1, 2, 3], "nested": {"ok": True, "none": None, "pi": 3.14}, "uni": "é"}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
back = json.loads(s)
print(back == data, back["nested"]["pi"], type(back["version"]).__name__)
print(json.loads('[1, 2.5, "x", null, true, {"a": [], "b": {}}]'))
print(json.dumps([1e100, -0.0, 10 ** 20, "tab\t", "quote\""]))
try:
    json.loads("{bad json}")
except ValueError as e:
    print(type(e).__name__, e)
