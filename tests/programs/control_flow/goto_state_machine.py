# A state machine driven by a while loop and dict dispatch.
def tokenize(s):
    tokens = []
    i = 0
    state = "start"
    buf = ""
    while i <= len(s):
        ch = s[i] if i < len(s) else "\0"
        if state == "start":
            if ch.isdigit():
                state, buf = "num", ch
            elif ch.isalpha():
                state, buf = "ident", ch
            elif ch in "+-*/()=":
                tokens.append(("op", ch))
            i += 1
        elif state == "num":
            if ch.isdigit():
                buf += ch
                i += 1
            else:
                tokens.append(("num", int(buf)))
                state = "start"
        elif state == "ident":
            if ch.isalnum() or ch == "_":
                buf += ch
                i += 1
            else:
                tokens.append(("ident", buf))
                state = "start"
    return tokens
print(tokenize("x1 = 42 + foo_bar*(7-y)"))
print(tokenize("123"), tokenize(""))
