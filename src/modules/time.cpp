// The native time module: wall/monotonic/CPU clocks, sleep, and conversions
// between seconds and struct_time (gmtime, localtime, mktime, strftime).
#include "modules/time.h"

#include <cerrno>
#include <cmath>
#include <ctime>
#include <string>

#include "modules/builtins_internal.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

Type* struct_time_type;

int64_t clock_ns(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// CPython converts its nanosecond count to seconds with one division.
Value seconds_value(clockid_t clock) { return float_new(double(clock_ns(clock)) / 1e9); }

void no_args(const char* name, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(name, kwnames);
  check_nargs(name, nargs, 0, 0);
}

Value time_time(Value*, size_t nargs, Tuple* kw) {
  no_args("time", nargs, kw);
  return seconds_value(CLOCK_REALTIME);
}
Value time_time_ns(Value*, size_t nargs, Tuple* kw) {
  no_args("time_ns", nargs, kw);
  return int_from_i64(clock_ns(CLOCK_REALTIME));
}
Value time_perf_counter(Value*, size_t nargs, Tuple* kw) {
  no_args("perf_counter", nargs, kw);
  return seconds_value(CLOCK_MONOTONIC);
}
Value time_perf_counter_ns(Value*, size_t nargs, Tuple* kw) {
  no_args("perf_counter_ns", nargs, kw);
  return int_from_i64(clock_ns(CLOCK_MONOTONIC));
}
Value time_monotonic(Value*, size_t nargs, Tuple* kw) {
  no_args("monotonic", nargs, kw);
  return seconds_value(CLOCK_MONOTONIC);
}
Value time_monotonic_ns(Value*, size_t nargs, Tuple* kw) {
  no_args("monotonic_ns", nargs, kw);
  return int_from_i64(clock_ns(CLOCK_MONOTONIC));
}
Value time_process_time(Value*, size_t nargs, Tuple* kw) {
  no_args("process_time", nargs, kw);
  return seconds_value(CLOCK_PROCESS_CPUTIME_ID);
}
Value time_process_time_ns(Value*, size_t nargs, Tuple* kw) {
  no_args("process_time_ns", nargs, kw);
  return int_from_i64(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}

double number_arg(Value v) {
  if (is_int(v) || is_float(v)) return to_double(v);
  raise_type_error("'" + type_name_str(v) + "' object cannot be interpreted as an integer");
}

Value time_sleep(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("sleep", kw);
  check_nargs("sleep", nargs, 1, 1);
  double secs = number_arg(args[0]);
  if (std::isnan(secs)) raise_value_error("Invalid value NaN (not a number)");
  if (secs < 0) raise_value_error("sleep length must be non-negative");
  fflush(stdout);
  timespec req;
  req.tv_sec = time_t(secs);
  req.tv_nsec = long((secs - double(req.tv_sec)) * 1e9);
  while (nanosleep(&req, &req) != 0 && errno == EINTR) {
  }
  return none();
}

// Seconds argument of gmtime/localtime/ctime: None/absent = now.
time_t seconds_arg(Value* args, size_t nargs) {
  if (nargs == 0 || is_none(args[0])) return time(nullptr);
  Value v = args[0];
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) raise_value_error("Invalid value NaN (not a number)");
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18))
      raise_overflow_error("timestamp out of range for platform time_t");
    return time_t(d);
  }
  if (!is_int(v))
    raise_type_error("'" + type_name_str(v) + "' object cannot be interpreted as an integer");
  int64_t s;
  if (!int_to_i64(v, &s)) raise_overflow_error("timestamp out of range for platform time_t");
  return time_t(s);
}

Value struct_time_from_tm(const struct tm& tm) {
  Value items[11] = {
      Value::small(tm.tm_year + 1900),
      Value::small(tm.tm_mon + 1),
      Value::small(tm.tm_mday),
      Value::small(tm.tm_hour),
      Value::small(tm.tm_min),
      Value::small(tm.tm_sec),
      Value::small((tm.tm_wday + 6) % 7),  // Monday is 0
      Value::small(tm.tm_yday + 1),
      Value::small(tm.tm_isdst),
      Value(str_new(tm.tm_zone ? tm.tm_zone : "")),
      int_from_i64(tm.tm_gmtoff),
  };
  return struct_seq_new(struct_time_type, items, 11);
}

Value time_gmtime(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("gmtime", kw);
  check_nargs("gmtime", nargs, 0, 1);
  time_t t = seconds_arg(args, nargs);
  struct tm tm;
  if (!gmtime_r(&t, &tm)) raise_overflow_error("timestamp out of range for platform time_t");
  return struct_time_from_tm(tm);
}

Value time_localtime(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("localtime", kw);
  check_nargs("localtime", nargs, 0, 1);
  time_t t = seconds_arg(args, nargs);
  struct tm tm;
  if (!localtime_r(&t, &tm)) raise_overflow_error("timestamp out of range for platform time_t");
  return struct_time_from_tm(tm);
}

// A struct_time or 9-tuple -> struct tm (CPython's gettmarg).
struct tm tm_from_value(const char* fname, Value v) {
  if (!is_tuple(v)) raise_type_error("Tuple or struct_time argument required");
  Tuple* t = v.as<Tuple>();
  if (t->size != 9) raise_type_error(std::string(fname) + "(): illegal time tuple argument");
  int64_t f[9];
  for (int i = 0; i < 9; ++i) {
    Value x = t->items[i];
    if (!is_int(x))
      raise_type_error("'" + type_name_str(x) + "' object cannot be interpreted as an integer");
    f[i] = int_as_i64(x);
  }
  struct tm tm = {};
  tm.tm_year = int(f[0] - 1900);
  tm.tm_mon = int(f[1] - 1);
  tm.tm_mday = int(f[2]);
  tm.tm_hour = int(f[3]);
  tm.tm_min = int(f[4]);
  tm.tm_sec = int(f[5]);
  tm.tm_wday = int((f[6] + 1) % 7);
  tm.tm_yday = int(f[7] - 1);
  tm.tm_isdst = int(f[8]);
  if (v.obj()->type == struct_time_type) {
    Value zone = t->items[9];
    if (is_str(zone)) {
      // tm_zone must outlive the call: keep the common names static.
      static std::string zone_buf;
      zone_buf = str_to_utf8(zone.as<Str>());
      tm.tm_zone = zone_buf.c_str();
    }
    if (is_int(t->items[10])) tm.tm_gmtoff = long(int_as_i64(t->items[10]));
  }
  return tm;
}

// CPython's checktm for strftime/asctime.
void check_tm(struct tm& tm) {
  if (tm.tm_mon == -1)
    tm.tm_mon = 0;
  else if (tm.tm_mon < 0 || tm.tm_mon > 11)
    raise_value_error("month out of range");
  if (tm.tm_mday == 0)
    tm.tm_mday = 1;
  else if (tm.tm_mday < 0 || tm.tm_mday > 31)
    raise_value_error("day of month out of range");
  if (tm.tm_hour < 0 || tm.tm_hour > 23) raise_value_error("hour out of range");
  if (tm.tm_min < 0 || tm.tm_min > 59) raise_value_error("minute out of range");
  if (tm.tm_sec < 0 || tm.tm_sec > 61) raise_value_error("seconds out of range");
  if (tm.tm_wday < 0) raise_value_error("day of week out of range");
  if (tm.tm_yday == -1)
    tm.tm_yday = 0;
  else if (tm.tm_yday < 0 || tm.tm_yday > 365)
    raise_value_error("day of year out of range");
}

struct tm now_local() {
  time_t t = time(nullptr);
  struct tm tm;
  localtime_r(&t, &tm);
  return tm;
}

Value time_strftime(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("strftime", kw);
  check_nargs("strftime", nargs, 1, 2);
  if (!is_str(args[0]))
    raise_type_error("strftime() argument 1 must be str, not " + type_name_str(args[0]));
  struct tm tm = nargs == 2 ? tm_from_value("strftime", args[1]) : now_local();
  if (nargs == 2) check_tm(tm);
  std::string fmt = str_to_utf8(args[0].as<Str>());
  if (fmt.empty()) return Value(str_empty());
  // strftime gives no way to tell "empty result" from "buffer too small":
  // grow the buffer a few times, as CPython does.
  for (size_t size = 1024; size <= 256 * fmt.size() + 1024; size *= 4) {
    std::string buf(size, '\0');
    size_t n = strftime(buf.data(), size, fmt.c_str(), &tm);
    if (n > 0 || size > 256 * fmt.size()) return Value(str_new(std::string_view(buf.data(), n)));
  }
  return Value(str_empty());
}

std::string asctime_text(const struct tm& tm) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[tm.tm_wday % 7],
           months[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
  return buf;
}

Value time_asctime(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("asctime", kw);
  check_nargs("asctime", nargs, 0, 1);
  struct tm tm = nargs == 1 ? tm_from_value("asctime", args[0]) : now_local();
  if (nargs == 1) check_tm(tm);
  return Value(str_new(asctime_text(tm)));
}

Value time_ctime(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("ctime", kw);
  check_nargs("ctime", nargs, 0, 1);
  time_t t = seconds_arg(args, nargs);
  struct tm tm;
  if (!localtime_r(&t, &tm)) raise_overflow_error("timestamp out of range for platform time_t");
  return Value(str_new(asctime_text(tm)));
}

Value time_mktime(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("mktime", kw);
  check_nargs("mktime", nargs, 1, 1);
  struct tm tm = tm_from_value("mktime", args[0]);
  tm.tm_wday = -1;  // sentinel: mktime() sets it on success
  time_t t = mktime(&tm);
  if (t == time_t(-1) && tm.tm_wday == -1) raise_overflow_error("mktime argument out of range");
  return float_new(double(t));
}

void bind_fn(Value m, const char* name, NativeFn fn) {
  module_set(m, name, new_builtin_function(name, fn, m));
}

}  // namespace

Value make_time_module() {
  if (!struct_time_type) {
    struct_time_type =
        make_struct_seq_type("time.struct_time",
                             {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                              "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"},
                             9);
  }
  Value m = new_module("time");
  module_set(m, "struct_time", Value(struct_time_type));
  bind_fn(m, "time", time_time);
  bind_fn(m, "time_ns", time_time_ns);
  bind_fn(m, "perf_counter", time_perf_counter);
  bind_fn(m, "perf_counter_ns", time_perf_counter_ns);
  bind_fn(m, "monotonic", time_monotonic);
  bind_fn(m, "monotonic_ns", time_monotonic_ns);
  bind_fn(m, "process_time", time_process_time);
  bind_fn(m, "process_time_ns", time_process_time_ns);
  bind_fn(m, "sleep", time_sleep);
  bind_fn(m, "gmtime", time_gmtime);
  bind_fn(m, "localtime", time_localtime);
  bind_fn(m, "mktime", time_mktime);
  bind_fn(m, "strftime", time_strftime);
  bind_fn(m, "asctime", time_asctime);
  bind_fn(m, "ctime", time_ctime);

  tzset();
  module_set(m, "timezone", int_from_i64(timezone));
  module_set(m, "altzone", int_from_i64(daylight ? timezone - 3600 : timezone));
  module_set(m, "daylight", Value::small(daylight));
  module_set(m, "tzname", Value(tuple_of({Value(str_new(tzname[0])), Value(str_new(tzname[1]))})));
  return m;
}

}  // namespace kestrel
