# sys.exit(3) after printing: exit code 3, nothing on stderr.
import sys
print("exiting with 3")
sys.exit(3)
