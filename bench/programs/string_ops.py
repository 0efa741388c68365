# String building and parsing: format records with f-strings/join, then split, strip, int() and reassemble.
from _bench import run


def build(n):
    parts = []
    for i in range(n):
        name = "item" + str(i % 97)
        parts.append(f"{i},{name.upper()},{(i * 7919) % 10007}, {i % 13 == 0}")
    return "\n".join(parts)


def parse(text):
    total = 0
    flagged = 0
    names = {}
    for line in text.split("\n"):
        fields = [f.strip() for f in line.split(",")]
        total += int(fields[0]) + int(fields[2])
        if fields[3] == "True":
            flagged += 1
        key = fields[1].lower().replace("item", "i")
        names[key] = names.get(key, 0) + len(line)
    return total, flagged, names


def workload(n):
    text = build(n)
    total, flagged, names = parse(text)
    out = []
    for key in sorted(names):
        out.append(key.rjust(4, "_") + "=" + format(names[key], "x"))
    joined = ";".join(out)
    return f"len={len(text)} total={total} flagged={flagged} hash={sum(ord(c) * (i + 1) for i, c in enumerate(joined)) % 1000003}\n{joined[:120]}"


run(workload, 400000, minimum=10)
