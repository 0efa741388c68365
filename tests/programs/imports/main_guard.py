# __name__ == "__main__" guard in the script, and its value inside an imported helper.
import _helper_mod
def main():
    print("main() running, __name__ =", __name__)
    print("helper __name__ =", _helper_mod.__name__)
    return 0
if __name__ == "__main__":
    main()
else:
    print("imported, not run")
