# bytearray mutation: append/extend/insert/pop/remove/slice assignment/reverse.
ba = bytearray(b"hello")
ba[0] = ord("J")
print(ba, len(ba))
ba.append(33)
ba.extend(b"??")
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
print(ba)
ba[1:3] = b"EEE"
print(ba)
del ba[::2]
print(ba)
ba.reverse()
print(ba, bytes(ba), ba.decode("ascii"))
ba2 = bytearray(3)
ba2 += b"xy"
print(ba2, ba2 * 2, ba2.hex(), bytearray(b"abc").upper(), bytearray(range(5)))
print(bytearray(b"a") == b"a", b"a" + bytearray(b"b"), type(b"a" + bytearray(b"b")).__name__)
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
