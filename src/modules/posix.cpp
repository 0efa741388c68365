// `_posix`: the few operating-system calls lib/os.py builds on (see the
// interface comment at the top of lib/os.py). Errors become the OSError
// subclass CPython raises for the errno.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

extern char** environ;

namespace kestrel {

[[noreturn]] void raise_os_error(int err, Value filename);  // modules/builtins_io.cpp

namespace {

std::string path_arg(const char* fname, Value v) {
  if (!is_str(v)) raise_type_error(std::string(fname) + ": path should be string, not " + type_name_str(v));
  return str_to_utf8(v.as<Str>());
}

Value posix_getcwd(Value*, size_t nargs, Tuple* kw) {
  check_no_kwargs("getcwd", kw);
  check_nargs("getcwd", nargs, 0, 0);
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) raise_os_error(errno, none());
  return Value(str_new(buf));
}

Value posix_listdir(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("listdir", kw);
  check_nargs("listdir", nargs, 1, 1);
  std::string path = path_arg("listdir", args[0]);
  DIR* d = opendir(path.c_str());
  if (!d) raise_os_error(errno, args[0]);
  List* out = list_new(0);
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n == "." || n == "..") continue;
    list_append(out, Value(str_new(n)));
  }
  closedir(d);
  return Value(out);
}

Value posix_stat(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("stat", kw);
  check_nargs("stat", nargs, 1, 1);
  std::string path = path_arg("stat", args[0]);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) raise_os_error(errno, args[0]);
  double mtime = double(st.st_mtim.tv_sec) + double(st.st_mtim.tv_nsec) * 1e-9;
  return Value(tuple_of({int_from_i64(st.st_mode), int_from_i64(st.st_size), float_new(mtime)}));
}

Value posix_unlink(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("unlink", kw);
  check_nargs("unlink", nargs, 1, 1);
  if (unlink(path_arg("unlink", args[0]).c_str()) != 0) raise_os_error(errno, args[0]);
  return none();
}

Value posix_mkdir(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("mkdir", kw);
  check_nargs("mkdir", nargs, 1, 2);
  int64_t mode = nargs > 1 ? int_as_i64(args[1]) : 0777;
  if (mkdir(path_arg("mkdir", args[0]).c_str(), mode_t(mode)) != 0) raise_os_error(errno, args[0]);
  return none();
}

Value posix_rmdir(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("rmdir", kw);
  check_nargs("rmdir", nargs, 1, 1);
  if (rmdir(path_arg("rmdir", args[0]).c_str()) != 0) raise_os_error(errno, args[0]);
  return none();
}

Value posix_rename(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("rename", kw);
  check_nargs("rename", nargs, 2, 2);
  if (rename(path_arg("rename", args[0]).c_str(), path_arg("rename", args[1]).c_str()) != 0)
    raise_os_error(errno, args[0]);
  return none();
}

Value posix_getpid(Value*, size_t nargs, Tuple* kw) {
  check_no_kwargs("getpid", kw);
  check_nargs("getpid", nargs, 0, 0);
  return int_from_i64(getpid());
}

Value posix_environ(Value*, size_t nargs, Tuple* kw) {
  check_no_kwargs("environ", kw);
  check_nargs("environ", nargs, 0, 0);
  Dict* d = dict_new();
  for (char** e = environ; e && *e; ++e) {
    std::string entry = *e;
    size_t eq = entry.find('=');
    if (eq == std::string::npos) continue;
    dict_set(d, Value(str_new(entry.substr(0, eq))), Value(str_new(entry.substr(eq + 1))));
  }
  return Value(d);
}

}  // namespace

Value make_posix_module() {
  Value m = new_module("_posix");
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry kFunctions[] = {{"getcwd", posix_getcwd}, {"listdir", posix_listdir}, {"stat", posix_stat},
                              {"unlink", posix_unlink}, {"mkdir", posix_mkdir},     {"rmdir", posix_rmdir},
                              {"rename", posix_rename}, {"getpid", posix_getpid},   {"environ", posix_environ}};
  for (const Entry& e : kFunctions) module_set(m, e.name, new_builtin_function(e.name, e.fn, m));
  return m;
}

}  // namespace kestrel
