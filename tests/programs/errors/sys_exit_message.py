# sys.exit('message'): message printed to stderr, exit code 1.
import sys
print("about to fail")
sys.exit("fatal: something went wrong")
