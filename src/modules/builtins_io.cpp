// print(), input(), open() and the file objects behind them and behind
// sys.stdin/stdout/stderr: a thin layer over C stdio (utf-8 text with
// universal newlines on read, or binary).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "modules/builtins.h"
#include "modules/builtins_internal.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

[[noreturn]] void raise_os_error(int err, Value filename);

namespace {

Type* text_file_type;        // _io.TextIOWrapper
Type* buffered_reader_type;  // binary files ('rb')
Type* buffered_writer_type;  // binary files ('wb', 'ab', 'xb')
Type* buffered_random_type;  // binary files with '+'
Value g_std[3];              // the original sys.stdin / stdout / stderr
bool g_stdout_tty = false;

bool is_file(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.obj()->type;
  return t == text_file_type || t == buffered_reader_type || t == buffered_writer_type ||
         t == buffered_random_type;
}

FileObject* as_file(Value v, const char* method) {
  if (!is_file(v))
    raise_type_error(std::string("descriptor '") + method +
                     "' requires a '_io.TextIOWrapper' object but received a '" + type_name_str(v) +
                     "'");
  return v.as<FileObject>();
}

void check_open(FileObject* f) {
  if (f->closed) raise_value_error("I/O operation on closed file.");
}

// io.UnsupportedOperation (an OSError and ValueError subclass) is not
// modelled: raise OSError with its message.
[[noreturn]] void raise_unsupported(const char* what) { raise(os_error_type, what); }

void check_readable(FileObject* f) {
  check_open(f);
  if (!f->readable) raise_unsupported(f->binary ? "read" : "not readable");
}
void check_writable(FileObject* f) {
  check_open(f);
  if (!f->writable) raise_unsupported(f->binary ? "write" : "not writable");
}

bool is_utf8_name(const char* enc) {
  std::string e;
  for (const char* p = enc; *p; ++p) e.push_back(char(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
  return e == "utf-8" || e == "utf8" || e == "u8" || e == "utf_8";
}
bool fast_utf8(FileObject* f) {
  return is_utf8_name(f->encoding) && std::strcmp(f->errors, "strict") == 0;
}

// Writes a str to `fp` encoded as the file asks (utf-8 fast path).
void write_text(FileObject* f, const Str* s) {
  FILE* fp = f->fp;
  if (fp == stderr && g_stdout_tty) fflush(stdout);  // keep terminal order
  if (s->ascii) {
    fwrite_unlocked(s->data1(), 1, size_t(s->length), fp);
  } else if (fast_utf8(f)) {
    std::string buf;
    str_append_utf8(s, buf);
    fwrite_unlocked(buf.data(), 1, buf.size(), fp);
  } else {
    Value b = str_encode(const_cast<Str*>(s), f->encoding, f->errors);
    Bytes* bb = b.as<Bytes>();
    fwrite_unlocked(bb->data(), 1, size_t(bb->length), fp);
  }
  if (fp == stderr) fflush(stderr);
}

Value decode_bytes(FileObject* f, const std::string& data) {
  if (f->binary) return Value(bytes_new(data));
  if (fast_utf8(f)) {
    bool ascii = true;
    for (unsigned char c : data)
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii)
      return Value(
          str_from_latin1(reinterpret_cast<const uint8_t*>(data.data()), int64_t(data.size())));
  }
  return str_decode(reinterpret_cast<const uint8_t*>(data.data()), int64_t(data.size()),
                    f->encoding, f->errors);
}

// Reads one line (up to `limit` characters; < 0 = unlimited) as raw bytes,
// translating \r\n and \r to \n in text mode. Empty at EOF.
std::string read_line_bytes(FileObject* f, int64_t limit) {
  std::string out;
  FILE* fp = f->fp;
  if (fp == stdin) fflush(stdout);
  int64_t chars = 0;
  while (limit < 0 || chars < limit) {
    int c = getc_unlocked(fp);
    if (c == EOF) break;
    if (!f->binary) {
      if (c == '\r' && f->translate) {
        int d = getc_unlocked(fp);
        if (d != '\n' && d != EOF) ungetc(d, fp);
        c = '\n';
      }
      // Count characters, not bytes: continuation bytes do not count.
      if ((c & 0xC0) != 0x80) ++chars;
    } else {
      ++chars;
    }
    out.push_back(char(c));
    if (c == '\n') break;
  }
  if (!f->binary && limit >= 0) {
    // Complete a multi-byte character cut by the limit.
    for (;;) {
      int c = getc_unlocked(fp);
      if (c == EOF) break;
      if ((c & 0xC0) != 0x80) {
        ungetc(c, fp);
        break;
      }
      out.push_back(char(c));
    }
  }
  return out;
}

// Reads up to `n` characters (all when n < 0).
std::string read_bytes(FileObject* f, int64_t n) {
  std::string out;
  FILE* fp = f->fp;
  if (fp == stdin) fflush(stdout);
  if (n < 0 && f->binary) {
    char buf[65536];
    size_t got;
    while ((got = fread_unlocked(buf, 1, sizeof buf, fp)) > 0) out.append(buf, got);
    return out;
  }
  int64_t chars = 0;
  for (;;) {
    int c = getc_unlocked(fp);
    if (c == EOF) break;
    if (!f->binary) {
      if (c == '\r' && f->translate) {
        int d = getc_unlocked(fp);
        if (d != '\n' && d != EOF) ungetc(d, fp);
        c = '\n';
      }
      if ((c & 0xC0) != 0x80) {
        if (n >= 0 && chars == n) {
          ungetc(c, fp);
          break;
        }
        ++chars;
      }
    } else {
      if (n >= 0 && chars == n) {
        ungetc(c, fp);
        break;
      }
      ++chars;
    }
    out.push_back(char(c));
  }
  return out;
}

int64_t size_arg(Value v) {
  if (v.empty() || is_none(v)) return -1;
  if (!is_int(v))
    raise_type_error("argument should be integer or None, not '" + type_name_str(v) + "'");
  return int_as_i64(v);
}

// ------------------------------------------------------------ methods

Value file_write(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("write", kwnames);
  check_nargs("write", nargs, 2, 2);
  FileObject* f = as_file(args[0], "write");
  check_writable(f);
  Value s = args[1];
  if (f->binary) {
    if (!is_instance(s, bytes_type))
      raise_type_error("a bytes-like object is required, not '" + type_name_str(s) + "'");
    Bytes* b = s.as<Bytes>();
    fwrite_unlocked(b->data(), 1, size_t(b->length), f->fp);
    return int_from_i64(b->length);
  }
  if (!is_str(s)) raise_type_error("write() argument must be str, not " + type_name_str(s));
  write_text(f, s.as<Str>());
  return int_from_i64(s.as<Str>()->length);
}

Value file_writelines(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("writelines", kwnames);
  check_nargs("writelines", nargs, 2, 2);
  as_file(args[0], "writelines");
  Value it = py_iter(args[1]);
  for (Value line = py_next(it); !line.empty(); line = py_next(it)) {
    Value a[2] = {args[0], line};
    file_write(a, 2, nullptr);
  }
  return none();
}

Value file_read(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("read", kwnames);
  check_nargs("read", nargs, 1, 2);
  FileObject* f = as_file(args[0], "read");
  check_readable(f);
  return decode_bytes(f, read_bytes(f, size_arg(nargs > 1 ? args[1] : Value())));
}

Value file_readline(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("readline", kwnames);
  check_nargs("readline", nargs, 1, 2);
  FileObject* f = as_file(args[0], "readline");
  check_readable(f);
  return decode_bytes(f, read_line_bytes(f, size_arg(nargs > 1 ? args[1] : Value())));
}

Value file_readlines(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("readlines", kwnames);
  check_nargs("readlines", nargs, 1, 2);
  FileObject* f = as_file(args[0], "readlines");
  check_readable(f);
  int64_t hint = size_arg(nargs > 1 ? args[1] : Value());
  List* out = list_new(0);
  int64_t total = 0;
  for (;;) {
    std::string line = read_line_bytes(f, -1);
    if (line.empty()) break;
    total += int64_t(line.size());
    list_append(out, decode_bytes(f, line));
    if (hint > 0 && total >= hint) break;
  }
  return Value(out);
}

Value file_close(Value* args, size_t nargs, Tuple*) {
  check_nargs("close", nargs, 1, 1);
  FileObject* f = as_file(args[0], "close");
  if (f->closed) return none();
  f->closed = true;
  if (f->owns_fp) {
    fclose(f->fp);
    f->fp = nullptr;
  } else {
    fflush(f->fp);
  }
  return none();
}

Value file_flush(Value* args, size_t nargs, Tuple*) {
  check_nargs("flush", nargs, 1, 1);
  FileObject* f = as_file(args[0], "flush");
  check_open(f);
  fflush(f->fp);
  return none();
}

Value file_fileno(Value* args, size_t nargs, Tuple*) {
  check_nargs("fileno", nargs, 1, 1);
  FileObject* f = as_file(args[0], "fileno");
  check_open(f);
  return Value::small(fileno(f->fp));
}

Value file_isatty(Value* args, size_t nargs, Tuple*) {
  check_nargs("isatty", nargs, 1, 1);
  FileObject* f = as_file(args[0], "isatty");
  check_open(f);
  return py_bool(isatty(fileno(f->fp)));
}

Value file_readable(Value* args, size_t nargs, Tuple*) {
  check_nargs("readable", nargs, 1, 1);
  FileObject* f = as_file(args[0], "readable");
  check_open(f);
  return py_bool(f->readable);
}

Value file_writable(Value* args, size_t nargs, Tuple*) {
  check_nargs("writable", nargs, 1, 1);
  FileObject* f = as_file(args[0], "writable");
  check_open(f);
  return py_bool(f->writable);
}

Value file_seekable(Value* args, size_t nargs, Tuple*) {
  check_nargs("seekable", nargs, 1, 1);
  FileObject* f = as_file(args[0], "seekable");
  check_open(f);
  return py_bool(ftell(f->fp) >= 0);
}

Value file_tell(Value* args, size_t nargs, Tuple*) {
  check_nargs("tell", nargs, 1, 1);
  FileObject* f = as_file(args[0], "tell");
  check_open(f);
  long pos = ftell(f->fp);
  if (pos < 0) raise(os_error_type, "[Errno 29] Illegal seek");
  return int_from_i64(pos);
}

Value file_seek(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("seek", kwnames);
  check_nargs("seek", nargs, 2, 3);
  FileObject* f = as_file(args[0], "seek");
  check_open(f);
  int64_t off = int_as_i64(py_index(args[1]));
  int whence = nargs > 2 ? int(int_as_i64(py_index(args[2]))) : 0;
  if (!f->binary && whence != 0 && off != 0) {
    raise_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                  : "can't do nonzero end-relative seeks");
  }
  if (fseek(f->fp, long(off), whence) != 0) raise(os_error_type, "[Errno 22] Invalid argument");
  return int_from_i64(ftell(f->fp));
}

Value file_enter(Value* args, size_t nargs, Tuple*) {
  check_nargs("__enter__", nargs, 1, 1);
  check_open(as_file(args[0], "__enter__"));
  return args[0];
}

Value file_exit(Value* args, size_t nargs, Tuple*) {
  file_close(args, 1, nullptr);
  (void)nargs;
  return none();
}

Value file_iter_slot(Value self) {
  check_open(self.as<FileObject>());
  return self;
}
Value file_next_slot(Value self) {
  FileObject* f = self.as<FileObject>();
  check_readable(f);
  std::string line = read_line_bytes(f, -1);
  if (line.empty()) return Value();
  return decode_bytes(f, line);
}
Value file_iter_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("__iter__", nargs, 1, 1);
  return file_iter_slot(Value(as_file(args[0], "__iter__")));
}
Value file_next_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("__next__", nargs, 1, 1);
  Value v = file_next_slot(Value(as_file(args[0], "__next__")));
  if (v.empty()) raise_stop_iteration(Value());
  return v;
}

Value file_get_name(Value self) { return self.as<FileObject>()->name; }
Value file_get_mode(Value self) { return Value(self.as<FileObject>()->mode); }
Value file_get_closed(Value self) { return py_bool(self.as<FileObject>()->closed); }
Value file_get_encoding(Value self) { return Value(str_new(self.as<FileObject>()->encoding)); }
Value file_get_errors(Value self) { return Value(str_new(self.as<FileObject>()->errors)); }
Value file_get_line_buffering(Value self) { return py_bool(self.as<FileObject>()->fp == stderr); }

FileObject* new_file(Type* type, FILE* fp, Value name, const char* mode, bool readable,
                     bool writable, bool binary, bool owns);

// The binary stream under a text file (sys.stdout.buffer): a fresh object
// over the same FILE*, which it never closes.
Value file_get_buffer(Value self) {
  FileObject* f = self.as<FileObject>();
  if (f->binary) raise_attribute_error(self, intern("buffer"));
  Type* t = f->readable && f->writable ? buffered_random_type
            : f->readable              ? buffered_reader_type
                                       : buffered_writer_type;
  std::string mode = str_to_utf8(f->mode);
  if (mode.find('b') == std::string::npos) mode += "b";
  FileObject* b = new_file(t, f->fp, f->name, mode.c_str(), f->readable, f->writable, true, false);
  b->closed = f->closed;
  return Value(b);
}

Value file_repr(Value self) {
  FileObject* f = self.as<FileObject>();
  std::string s = "<_io." + str_to_utf8(type_of(self)->name);
  s += " name=" + repr_utf8(f->name);
  if (!f->binary) {
    s += " mode=" + repr_utf8(Value(f->mode));
    s += " encoding='" + std::string(f->encoding) + "'";
  }
  return Value(str_new(s + ">"));
}

void file_trace(Object* obj, Tracer& tracer) {
  auto* f = static_cast<FileObject*>(obj);
  tracer.mark(f->name);
  tracer.mark(f->mode);
}
void file_finalize(Object* obj) {
  auto* f = static_cast<FileObject*>(obj);
  if (f->owns_fp && !f->closed && f->fp) fclose(f->fp);
  f->fp = nullptr;
}

Type* make_file_type(const char* name) {
  Type* t = new_builtin_type(name, nullptr, sizeof(FileObject));
  add_type_attr(t, "__module__", Value(intern("_io")));
  t->trace = file_trace;
  t->finalize = file_finalize;
  t->repr = file_repr;
  t->iter = file_iter_slot;
  t->next = file_next_slot;
  add_method(t, "write", file_write);
  add_method(t, "writelines", file_writelines);
  add_method(t, "read", file_read);
  add_method(t, "readline", file_readline);
  add_method(t, "readlines", file_readlines);
  add_method(t, "close", file_close);
  add_method(t, "flush", file_flush);
  add_method(t, "fileno", file_fileno);
  add_method(t, "isatty", file_isatty);
  add_method(t, "readable", file_readable);
  add_method(t, "writable", file_writable);
  add_method(t, "seekable", file_seekable);
  add_method(t, "tell", file_tell);
  add_method(t, "seek", file_seek);
  add_method(t, "__enter__", file_enter);
  add_method(t, "__exit__", file_exit);
  add_method(t, "__iter__", file_iter_method);
  add_method(t, "__next__", file_next_method);
  add_getter(t, "name", file_get_name);
  add_getter(t, "mode", file_get_mode);
  add_getter(t, "closed", file_get_closed);
  add_getter(t, "encoding", file_get_encoding);
  add_getter(t, "errors", file_get_errors);
  add_getter(t, "line_buffering", file_get_line_buffering);
  return t;
}

void init_file_types() {
  if (text_file_type) return;
  text_file_type = make_file_type("TextIOWrapper");
  add_getter(text_file_type, "buffer", file_get_buffer);
  buffered_reader_type = make_file_type("BufferedReader");
  buffered_writer_type = make_file_type("BufferedWriter");
  buffered_random_type = make_file_type("BufferedRandom");
}

FileObject* new_file(Type* type, FILE* fp, Value name, const char* mode, bool readable,
                     bool writable, bool binary, bool owns) {
  auto* f = gc_new<FileObject>(type);
  f->fp = fp;
  f->name = name;
  f->mode = str_new(mode);
  f->readable = readable;
  f->writable = writable;
  f->binary = binary;
  f->owns_fp = owns;
  std::strcpy(f->encoding, "utf-8");
  std::strcpy(f->errors, "strict");
  return f;
}

// ------------------------------------------------------------ open()


Value builtin_open(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[8];
  parse_args("open", args, nargs, kwnames,
             {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1,
             a);
  Value file = a[0];
  std::string mode = "r";
  if (!a[1].empty()) {
    if (!is_str(a[1]))
      raise_type_error("open() argument 'mode' must be str, not " + type_name_str(a[1]));
    mode = str_to_utf8(a[1].as<Str>());
  }
  bool r = false, w = false, ap = false, x = false, b = false, t = false, plus = false;
  for (char c : mode) {
    bool* flag = nullptr;
    switch (c) {
      case 'r':
        flag = &r;
        break;
      case 'w':
        flag = &w;
        break;
      case 'a':
        flag = &ap;
        break;
      case 'x':
        flag = &x;
        break;
      case 'b':
        flag = &b;
        break;
      case 't':
        flag = &t;
        break;
      case '+':
        flag = &plus;
        break;
      default:
        break;
    }
    if (!flag || *flag) raise_value_error("invalid mode: '" + mode + "'");
    *flag = true;
  }
  if (t && b) raise_value_error("can't have text and binary mode at once");
  if (int(r) + int(w) + int(ap) + int(x) != 1)
    raise_value_error("must have exactly one of create/read/write/append mode");
  if (b && !a[3].empty() && !is_none(a[3]))
    raise_value_error("binary mode doesn't take an encoding argument");
  if (b && !a[4].empty() && !is_none(a[4]))
    raise_value_error("binary mode doesn't take an errors argument");
  if (b && !a[5].empty() && !is_none(a[5]))
    raise_value_error("binary mode doesn't take a newline argument");
  std::string cmode = r ? "r" : w ? "w" : ap ? "a" : "w";
  if (plus) cmode += "+";
  if (x) cmode += "x";
  cmode += "e";  // O_CLOEXEC, as CPython's files are non-inheritable

  FILE* fp = nullptr;
  if (is_str(file)) {
    std::string path = str_to_utf8(file.as<Str>());
    fp = fopen(path.c_str(), cmode.c_str());
    if (!fp) raise_os_error(errno, file);
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
      fclose(fp);
      raise_os_error(EISDIR, file);
    }
  } else if (is_instance(file, bytes_type)) {
    std::string path(file.as<Bytes>()->view());
    fp = fopen(path.c_str(), cmode.c_str());
    if (!fp) raise_os_error(errno, file);
  } else if (is_int(file)) {
    int fd = int(int_as_i64(file));
    fp = fdopen(fd, cmode.c_str());
    if (!fp) raise_os_error(errno, none());
  } else {
    raise_type_error("expected str, bytes or os.PathLike object, not " + type_name_str(file));
  }
  bool readable = r || plus;
  bool writable = w || ap || x || plus;
  Type* type = text_file_type;
  if (b) type = plus ? buffered_random_type : r ? buffered_reader_type : buffered_writer_type;
  FileObject* f = new_file(type, fp, file, mode.c_str(), readable, writable, b, true);
  if (!b) {
    // newline=None (the default) reads with universal newlines; '' and
    // '\n' leave line endings alone.
    f->translate = a[5].empty() || is_none(a[5]);
    if (!f->translate) {
      if (!is_str(a[5]))
        raise_type_error("open() argument 'newline' must be str or None, not " +
                         type_name_str(a[5]));
      std::string nl = str_to_utf8(a[5].as<Str>());
      if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n")
        raise_value_error("illegal newline value: " + nl);
    }
    // CPython's default encoding comes from the locale: 'UTF-8' here.
    if (a[3].empty() || is_none(a[3])) {
      std::strcpy(f->encoding, "UTF-8");
    } else {
      if (!is_str(a[3]))
        raise_type_error("open() argument 'encoding' must be str or None, not " +
                         type_name_str(a[3]));
      std::string enc = str_to_utf8(a[3].as<Str>());
      if (enc.size() >= sizeof f->encoding) raise(lookup_error_type, "unknown encoding: " + enc);
      std::strcpy(f->encoding, enc.c_str());
    }
    if (!a[4].empty() && !is_none(a[4])) {
      if (!is_str(a[4]))
        raise_type_error("open() argument 'errors' must be str or None, not " +
                         type_name_str(a[4]));
      std::string err = str_to_utf8(a[4].as<Str>());
      if (err.size() < sizeof f->errors) std::strcpy(f->errors, err.c_str());
    }
  }
  return Value(f);
}

// ------------------------------------------------------------ print()

// The stream print() writes to when no file is given: sys.stdout, looked up
// each call because programs may replace it.
Value current_stdout() {
  Dict* d = sys_dict_or_null();
  if (!d) return g_std[1];
  static Str* name = intern("stdout");
  Value v = dict_get_str(d, name);
  if (v.empty()) raise(runtime_error_type, "lost sys.stdout");
  return v;
}

void put_small_int(FILE* fp, int64_t v) {
  char buf[24];
  char* p = buf + sizeof buf;
  uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  do {
    *--p = char('0' + m % 10);
    m /= 10;
  } while (m);
  if (v < 0) *--p = '-';
  fwrite_unlocked(p, 1, size_t(buf + sizeof buf - p), fp);
}

// Writes str(v) to a native file object without building a str for the
// common cases.
void print_value_native(FileObject* f, Value v) {
  if (v.is_small() && !f->binary) {
    put_small_int(f->fp, v.small_value());
    return;
  }
  Value s = (v.is_object() && v.obj()->type == str_type) ? v : py_str(v);
  if (f->binary) {
    // CPython's print to a binary file fails in write(): same message.
    raise_type_error("a bytes-like object is required, not 'str'");
  }
  write_text(f, s.as<Str>());
}

void write_via_method(Value file, Value s) { py_call_method(file, names::write, &s, 1); }

Value builtin_print(Value* args, size_t nargs, Tuple* kwnames) {
  Value sep, end, file, flush;
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      Value v = args[nargs + size_t(k)];
      if (str_equal_ascii(kw, "sep"))
        sep = v;
      else if (str_equal_ascii(kw, "end"))
        end = v;
      else if (str_equal_ascii(kw, "file"))
        file = v;
      else if (str_equal_ascii(kw, "flush"))
        flush = v;
      else
        raise_type_error("'" + str_to_utf8(kw) + "' is an invalid keyword argument for print()");
    }
  }
  if (!sep.empty() && is_none(sep)) sep = Value();
  if (!end.empty() && is_none(end)) end = Value();
  if (!sep.empty() && !is_str(sep))
    raise_type_error("sep must be None or a string, not " + type_name_str(sep));
  if (!end.empty() && !is_str(end))
    raise_type_error("end must be None or a string, not " + type_name_str(end));
  if (file.empty() || is_none(file)) {
    file = current_stdout();
    if (is_none(file)) return none();
  }
  if (is_file(file)) {
    FileObject* f = file.as<FileObject>();
    check_writable(f);
    FILE* fp = f->fp;
    if (fp == stderr && g_stdout_tty) fflush(stdout);
    for (size_t i = 0; i < nargs; ++i) {
      if (i) {
        if (sep.empty())
          putc_unlocked(' ', fp);
        else
          write_text(f, sep.as<Str>());
      }
      print_value_native(f, args[i]);
    }
    if (end.empty())
      putc_unlocked('\n', fp);
    else
      write_text(f, end.as<Str>());
    if (fp == stderr || (!flush.empty() && py_truthy(flush))) fflush(fp);
    return none();
  }
  static Value space, newline;
  if (space.empty()) {
    space = Value(intern(" "));
    newline = Value(intern("\n"));
  }
  for (size_t i = 0; i < nargs; ++i) {
    if (i) write_via_method(file, sep.empty() ? space : sep);
    write_via_method(file, is_exact(args[i], str_type) ? args[i] : py_str(args[i]));
  }
  write_via_method(file, end.empty() ? newline : end);
  if (!flush.empty() && py_truthy(flush)) py_call_method(file, names::flush, nullptr, 0);
  return none();
}

// ------------------------------------------------------------ input()

Value builtin_input(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("input", kwnames);
  check_nargs("input", nargs, 0, 1);
  Value out = current_stdout();
  if (nargs == 1 && !is_none(out)) {
    Value prompt = py_str(args[0]);
    if (is_file(out)) {
      write_text(out.as<FileObject>(), prompt.as<Str>());
      fflush(out.as<FileObject>()->fp);
    } else {
      write_via_method(out, prompt);
      Value fl = py_getattr_opt(out, names::flush);
      if (!fl.empty()) py_call0(fl);
    }
  } else if (is_file(out)) {
    fflush(out.as<FileObject>()->fp);
  }
  Value in = g_std[0];
  if (Dict* d = sys_dict_or_null()) {
    static Str* name = intern("stdin");
    in = dict_get_str(d, name);
    if (in.empty() || is_none(in)) raise(runtime_error_type, "lost sys.stdin");
  }
  Value line;
  if (is_file(in)) {
    FileObject* f = in.as<FileObject>();
    check_readable(f);
    line = decode_bytes(f, read_line_bytes(f, -1));
  } else {
    static Str* readline = intern("readline");
    line = py_call_method(in, readline, nullptr, 0);
    if (!is_str(line)) raise_type_error("object.readline() returned non-string");
  }
  Str* s = line.as<Str>();
  if (s->length == 0) raise(eof_error_type, "EOF when reading a line");
  if (s->at(s->length - 1) == '\n') return Value(str_substring(s, 0, s->length - 1));
  return line;
}

}  // namespace

// Raises the OSError subclass CPython uses for `err` (shared with _posix).
[[noreturn]] void raise_os_error(int err, Value filename) {
  Type* t = os_error_type;
  const char* tn = nullptr;
  switch (err) {
    case ENOENT:
      tn = "FileNotFoundError";
      break;
    case EACCES:
    case EPERM:
      tn = "PermissionError";
      break;
    case EISDIR:
      tn = "IsADirectoryError";
      break;
    case ENOTDIR:
      tn = "NotADirectoryError";
      break;
    case EEXIST:
      tn = "FileExistsError";
      break;
    default:
      break;
  }
  if (tn) {
    if (Type* found = exception_type_by_name(tn)) t = found;
  }
  Value args[3] = {Value::small(err), Value(str_new(std::strerror(err))), filename};
  // CPython keeps (errno, strerror) as args and the filename as an attribute.
  Value exc = exception_new(t, args, 2);
  py_setattr(exc, intern("errno"), args[0]);
  py_setattr(exc, intern("strerror"), args[1]);
  py_setattr(exc, intern("filename"), filename);
  raise_exception(exc);
}


// ------------------------------------------------------------ interface

void init_std_streams() {
  if (!g_std[1].empty()) return;
  init_file_types();
  for (Value& v : g_std) gc_add_root(&v);
  g_stdout_tty = isatty(STDOUT_FILENO);
  // Block-buffer stdout when it is not a terminal (as CPython does), with a
  // large buffer: print() is the hot output path of most programs.
  if (!g_stdout_tty) setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
  g_std[0] = Value(
      new_file(text_file_type, stdin, Value(intern("<stdin>")), "r", true, false, false, false));
  g_std[1] = Value(
      new_file(text_file_type, stdout, Value(intern("<stdout>")), "w", false, true, false, false));
  g_std[2] = Value(
      new_file(text_file_type, stderr, Value(intern("<stderr>")), "w", false, true, false, false));
  std::strcpy(g_std[2].as<FileObject>()->errors, "backslashreplace");
}

Value std_stream(int which) {
  init_std_streams();
  return g_std[which];
}

void flush_std_streams() {
  fflush(stdout);
  fflush(stderr);
}

void add_io_builtins(Value module) {
  init_std_streams();
  module_set(module, "print", new_builtin_function("print", builtin_print, module));
  module_set(module, "input", new_builtin_function("input", builtin_input, module));
  module_set(module, "open", new_builtin_function("open", builtin_open, module));
}

}  // namespace kestrel
