# Uncaught ModuleNotFoundError for a module that does not exist.
print("importing")
import kestrel_definitely_missing_module
