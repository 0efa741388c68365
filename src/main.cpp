// The python3-shaped command line: kestrel [options] (script.py | -c CODE | -) [args...]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "front/frontend.h"
#include "interp/frame.h"
#include "interp/interpreter.h"
#include "jit/jit.h"
#include "modules/builtins.h"
#include "modules/sys.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {
Code* compile_source(const std::string& source, const std::string& filename);
}

using namespace kestrel;

namespace {

const char kUsage[] =
    "usage: kestrel [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd            program passed in as string\n"
    "  -h, --help        print this help message and exit\n"
    "  -V, --version     print the Python version number and exit\n"
    "  --dis             print the bytecode of the program instead of running it\n"
    "  --jit=on|off      enable or disable the tracing JIT (also KESTREL_JIT=off)\n"
    "  --jit-threshold=N loop iterations before a loop is traced\n"
    "  --jit-stats       print JIT statistics at exit\n"
    "  --jit-log=FILE    write traces, IR, machine code and aborts to FILE\n"
    "  --jit-functions=on|off  trace hot function entries (default on)\n"
    "  --jit-bridges=on|off    give hot trace exits bridges (default on)\n"
    "  --jit-bridge-threshold=N  exits before an exit gets a bridge (default 50)\n"
    "  --jit-compile-budget=P  recording and compiling take at most P% of the run\n"
    "                          (default 5; 0: no limit)\n"
    "file              program read from script file\n"
    "-                 program read from stdin\n"
    "arg ...           arguments passed to program in sys.argv[1:]\n";

bool read_all(FILE* fp, std::string* out) {
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) out->append(buf, n);
  return !std::ferror(fp);
}

// --jit=on|off, --jit-threshold=N, --jit-stats, --jit-log=FILE, --jit-opt=LIST,
// --jit-functions=on|off, --jit-bridges=on|off.
bool parse_jit_option(const char* a, std::string* error) {
  jit::JitOptions& o = jit::jit_options();
  std::string opt(a);
  auto value = [&](const char* prefix) -> const char* {
    size_t n = std::strlen(prefix);
    return opt.compare(0, n, prefix) == 0 ? a + n : nullptr;
  };
  if (opt == "--jit=on")
    o.enabled = true;
  else if (opt == "--jit=off")
    o.enabled = false;
  else if (opt == "--jit-stats")
    o.stats = true;
  else if (opt == "--jit-functions=on")
    o.functions = true;
  else if (opt == "--jit-functions=off")
    o.functions = false;
  else if (opt == "--jit-bridges=on")
    o.bridges = true;
  else if (opt == "--jit-bridges=off")
    o.bridges = false;
  else if (const char* v = value("--jit-bridge-threshold=")) {
    char* end;
    long n = std::strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 1000000000) {
      *error = "invalid --jit-bridge-threshold value: " + std::string(v);
      return false;
    }
    o.bridge_threshold = int(n);
  } else if (const char* v = value("--jit-compile-budget=")) {
    char* end;
    long n = std::strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 0 || n > 100) {
      *error = "invalid --jit-compile-budget value: " + std::string(v);
      return false;
    }
    o.compile_budget = int(n);
  } else if (const char* v = value("--jit-threshold=")) {
    char* end;
    long n = std::strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 1000000000) {
      *error = "invalid --jit-threshold value: " + std::string(v);
      return false;
    }
    o.threshold = int(n);
  } else if (const char* v = value("--jit-log=")) {
    o.log_path = v;
  } else if (const char* v = value("--jit-opt=")) {
    return jit::opt::parse_pass_list(v, &o.passes, error);
  } else {
    *error = "Unknown option: " + opt;
    return false;
  }
  return true;
}

void print_exception_only(Value exc) {
  Type* t = type_of(exc);
  std::string name = str_to_utf8(t->qualname);
  if (t->type_flags & kTypeHeap) {
    Value mod = dict_get_str(t->dict, names::dunder_module);
    if (!mod.empty() && is_str(mod) && !str_equal_ascii(mod.as<Str>(), "builtins") &&
        !str_equal_ascii(mod.as<Str>(), "__main__"))
      name = str_to_utf8(mod.as<Str>()) + "." + name;
  }
  if (is_subtype(t, syntax_error_type)) {
    Value fn = py_getattr_opt(exc, intern("filename"));
    Value ln = py_getattr_opt(exc, intern("lineno"));
    Value msg = py_getattr_opt(exc, intern("msg"));
    if (!fn.empty() && is_str(fn) && !ln.empty() && ln.is_small()) {
      std::fprintf(stderr, "  File \"%s\", line %lld\n", str_to_utf8(fn.as<Str>()).c_str(),
                   static_cast<long long>(ln.small_value()));
      std::fputs(format_syntax_error_text(exc).c_str(), stderr);
      std::string m = msg.empty() ? "" : str_utf8(msg);
      std::fprintf(stderr, "%s: %s\n", name.c_str(), m.c_str());
      return;
    }
  }
  std::string msg;
  try {
    msg = exception_message(exc);
  } catch (PyException&) {
    msg = "<exception str() failed>";
  }
  std::string hint = exception_suggestion(exc);  // ". Did you mean: 'x'?"
  if (msg.empty())
    std::fprintf(stderr, "%s%s\n", name.c_str(), hint.c_str());
  else
    std::fprintf(stderr, "%s: %s%s\n", name.c_str(), msg.c_str(), hint.c_str());
}

void print_traceback(Value exc, int depth = 0) {
  if (!is_exception(exc)) {
    std::fprintf(stderr, "%s\n", repr_utf8(exc).c_str());
    return;
  }
  ExceptionObject* e = exc.as<ExceptionObject>();
  if (depth < 32) {
    if (!e->cause.empty()) {
      print_traceback(e->cause, depth + 1);
      std::fprintf(stderr,
                   "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (!e->context.empty() && !e->suppress_context) {
      print_traceback(e->context, depth + 1);
      std::fprintf(stderr,
                   "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
  }
  if (e->traceback && e->traceback->size) {
    std::fprintf(stderr, "Traceback (most recent call last):\n");
    List* tb = e->traceback;
    // Entries were recorded innermost first; print outermost first, at most
    // the innermost 1000 (CPython's limit). Runs of the same file, line and
    // function show 3 entries, then "[Previous line repeated N more times]".
    const int64_t kLimit = 1000;
    int64_t n = tb->size < kLimit ? tb->size : kLimit;
    std::string last_key;
    int repeat = 0;
    auto flush_repeat = [&]() {
      if (repeat > 3)
        std::fprintf(stderr, "  [Previous line repeated %d more time%s]\n", repeat - 3,
                     repeat - 3 == 1 ? "" : "s");
      repeat = 0;
    };
    for (int64_t i = n - 1; i >= 0; --i) {
      Tuple* entry = tb->items[i].as<Tuple>();
      Code* code = entry->items[0].as<Code>();
      uint32_t index = uint32_t(entry->items[1].small_value());
      int line = 0;
      std::string text = format_traceback_entry(code, index, &line);
      std::string key = str_to_utf8(code->filename) + "\n" + std::to_string(line) + "\n" +
                        str_to_utf8(code->name);
      if (key != last_key) {
        flush_repeat();
        last_key = key;
      }
      if (++repeat > 3) continue;
      std::fputs(text.c_str(), stderr);
    }
    flush_repeat();
  }
  print_exception_only(exc);
}

// Handles an exception that reached the top level; returns the exit code.
int handle_uncaught(Value exc) {
  flush_std_streams();
  if (is_instance(exc, system_exit_type)) {
    Tuple* args = exc.as<ExceptionObject>()->args;
    Value code =
        args && args->size == 1 ? args->items[0] : (args && args->size > 1 ? Value(args) : none());
    if (is_none(code)) return 0;
    if (is_int(code)) {
      int64_t v;
      return int_to_i64(code, &v) ? int(v & 0xff) : 1;
    }
    std::fprintf(stderr, "%s\n", str_utf8(code).c_str());
    return 1;
  }
  print_traceback(exc);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  int stack_marker = 0;
  gc_init(&stack_marker);
  bool dis = false;
  std::string command;
  bool have_command = false;
  int i = 1;
  for (; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "-c") == 0) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "Argument expected for the -c option\n%s", kUsage);
        return 2;
      }
      command = argv[++i];
      have_command = true;
      ++i;
      break;
    } else if (std::strcmp(a, "-h") == 0 || std::strcmp(a, "--help") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (std::strcmp(a, "-V") == 0 || std::strcmp(a, "--version") == 0) {
      std::puts("Python 3.11.2 (Kestrel 0.1)");
      return 0;
    } else if (std::strcmp(a, "--dis") == 0) {
      dis = true;
    } else if (std::strncmp(a, "--jit", 5) == 0) {
      std::string error;
      if (!parse_jit_option(a, &error)) {
        std::fprintf(stderr, "%s\n%s", error.c_str(), kUsage);
        return 2;
      }
    } else if (std::strcmp(a, "-u") == 0 || std::strcmp(a, "-B") == 0 ||
               std::strcmp(a, "-E") == 0 || std::strcmp(a, "-s") == 0 ||
               std::strcmp(a, "-S") == 0) {
      // CPython flags that change nothing here.
    } else if (a[0] == '-' && a[1] != '\0') {
      std::fprintf(stderr, "Unknown option: %s\n%s", a, kUsage);
      return 2;
    } else {
      break;
    }
  }

  std::string filename;
  std::string source;
  int script_index = i;
  if (have_command) {
    filename = "<string>";
    source = command;
    script_index = i - 1;
  } else if (i >= argc || std::strcmp(argv[i], "-") == 0) {
    filename = "<stdin>";
    if (!read_all(stdin, &source)) return 1;
  } else {
    // CPython 3.11 makes the script path absolute (cwd + "/" + path, not
    // normalised): it is the code's filename, __file__ and the traceback path.
    filename = argv[i];
    char cwd[4096];
    if (!filename.empty() && filename[0] != '/' && getcwd(cwd, sizeof cwd))
      filename = std::string(cwd) + "/" + filename;
    FILE* fp = std::fopen(filename.c_str(), "rb");
    if (!fp) {
      std::fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n",
                   argv[0], filename.c_str());
      return 2;
    }
    read_all(fp, &source);
    std::fclose(fp);
  }

  if (dis) {
    try {
      auto proto = compile_module(source, filename);
      std::fputs(disassemble(*proto).c_str(), stdout);
      return 0;
    } catch (const SyntaxErrorInfo& info) {
      std::fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", info.filename.c_str(), info.lineno,
                   info.type_name.c_str(), info.msg.c_str());
      return 1;
    }
  }

  int exit_code = 0;
  try {
    init_runtime();
    jit::jit_configure();
    init_interpreter();
    Value builtins = make_builtins_module();
    g_thread.builtins = builtins.as<Module>()->dict;
    std::vector<char*> pyargv;
    if (have_command)
      pyargv.push_back(const_cast<char*>("-c"));
    else if (filename == "<stdin>")
      pyargv.push_back(const_cast<char*>(i < argc ? "-" : ""));
    else
      pyargv.push_back(argv[script_index]);
    for (int k = script_index + 1; k < argc; ++k) pyargv.push_back(argv[k]);
    Value sys = make_sys_module(int(pyargv.size()), pyargv.data());
    if (!have_command && filename != "<stdin>") {
      std::string dir = filename;
      size_t slash = dir.rfind('/');
      dir = slash == std::string::npos ? "" : dir.substr(0, slash);
      sys_set_path0(dir);
    } else {
      sys_set_path0("");  // -c / stdin: sys.path[0] is the empty string, as in CPython
    }
    // Types created by the native modules get their Python-visible dunders too.
    add_new_slot_wrappers();
    Dict* modules = sys_modules();
    dict_set_str(modules, intern("builtins"), builtins);
    dict_set_str(modules, intern("sys"), sys);
    Module* main_module = module_new(intern("__main__"));
    dict_set_str(main_module->dict, names::dunder_builtins, builtins);
    if (!have_command && filename != "<stdin>")
      dict_set_str(main_module->dict, names::dunder_file, Value(str_new(filename)));
    dict_set_str(modules, intern("__main__"), Value(main_module));
    Code* code = compile_source(source, filename);
    run_code(code, main_module->dict, Value());
  } catch (PyException& e) {
    exit_code = e.exc.empty() ? 1 : handle_uncaught(e.exc);
  }
  flush_std_streams();
  jit::jit_finish();
  std::fflush(stdout);
  std::fflush(stderr);
  // Skip global destructors: the heap is reclaimed by the OS.
  _exit(exit_code);
}
