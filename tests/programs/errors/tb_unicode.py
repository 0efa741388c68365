# test: full-stderr
# Caret columns count characters, not UTF-8 bytes; tabs and trailing blanks in source lines.
def greet(name):
	message = "héllo, wörld — " + name   
	return message


greet(42)
