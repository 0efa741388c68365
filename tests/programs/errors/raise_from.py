# Uncaught exception raised with `raise ... from ...` (chained traceback).
class ConfigError(Exception):
    pass
def read_port(cfg):
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("port missing from config") from e
print(read_port({"port": "80"}))
print(read_port({}))
