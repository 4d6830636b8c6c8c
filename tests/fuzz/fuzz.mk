# tests/fuzz/fuzz.mk: libFuzzer harnesses (included by the main Makefile;
# also usable alone: make -f tests/fuzz/fuzz.mk fuzz).
#
#   make fuzz-build          builds build/fuzz/bin/fuzz_NAME for every tests/fuzz/fuzz_NAME.c
#   make fuzz                builds, then runs each for FUZZ_SECONDS (default 60) on a
#                            fresh copy of tests/fuzz/corpus/NAME in build/fuzz/corpus/NAME;
#                            fails if a harness crashes, leaks, hangs (> FUZZ_TIMEOUT s on
#                            one input) or leaves any artifact in build/fuzz/artifacts/NAME
#   make fuzz-regress        replays every seed (and every regression case kept in the
#                            corpus) once through its harness, no fuzzing: a few seconds
#   make fuzz FUZZ_ONLY=schema FUZZ_SECONDS=600    one harness, longer
#
# An input that fails becomes a regression case: copy it from
# build/fuzz/artifacts/NAME/ to tests/fuzz/corpus/NAME/regress-<what> once fixed.
# Harnesses are built with clang's -fsanitize=fuzzer,address,undefined against
# the UNO-free sources (addin/core/*.c, addin/calc/{cell_value,functions}.c).
# A tests/fuzz/NAME.dict, if present, is passed as the harness's dictionary.

BUILD      ?= build
CLANG      ?= clang
PKG_CFLAGS ?= $(shell pkg-config --cflags glib-2.0 libcjson 2>/dev/null)
PKG_LIBS   ?= $(shell pkg-config --libs glib-2.0 libcjson 2>/dev/null)

FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB  ?= 2048
FUZZ_ONLY    ?=

FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES   := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_RUN     := $(if $(FUZZ_ONLY),$(FUZZ_ONLY),$(FUZZ_NAMES))
FUZZ_BIN     := $(FUZZ_NAMES:%=$(BUILD)/fuzz/bin/fuzz_%)
FUZZ_LIB_SRC := $(sort $(wildcard addin/core/*.c)) addin/calc/cell_value.c addin/calc/functions.c
FUZZ_OBJ     := $(FUZZ_LIB_SRC:%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_HEADERS := $(wildcard addin/*/*.h)
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_CFLAGS  := -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter \
                -Werror=implicit-function-declaration -Iaddin $(PKG_CFLAGS)

.PHONY: fuzz fuzz-build fuzz-regress

fuzz-build: $(FUZZ_BIN)

# the library, instrumented for coverage but without libFuzzer's main
$(BUILD)/fuzz/obj/%.o: %.c $(FUZZ_HEADERS)
	@mkdir -p $(@D)
	$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@

$(BUILD)/fuzz/bin/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ) $(FUZZ_HEADERS) $(wildcard tests/fuzz/*.h)
	@mkdir -p $(@D)
	$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer $< $(FUZZ_OBJ) $(PKG_LIBS) -lm -o $@

# Per harness one line: "fuzz NAME: E execs in S s (R/s), corpus A -> B, exit X";
# the full libFuzzer output is in build/fuzz/NAME.log.
fuzz: fuzz-build
	@status=0; for name in $(FUZZ_RUN); do \
	  bin=$(BUILD)/fuzz/bin/fuzz_$$name; corpus=$(BUILD)/fuzz/corpus/$$name; \
	  artifacts=$(BUILD)/fuzz/artifacts/$$name; log=$(BUILD)/fuzz/$$name.log; \
	  [ -x "$$bin" ] || { echo "fuzz $$name: no harness tests/fuzz/fuzz_$$name.c"; status=1; continue; }; \
	  rm -rf "$$corpus" "$$artifacts"; mkdir -p "$$corpus" "$$artifacts"; \
	  [ ! -d tests/fuzz/corpus/$$name ] || cp tests/fuzz/corpus/$$name/* "$$corpus"/ 2>/dev/null; \
	  seeds=$$(ls "$$corpus" | wc -l); \
	  dict=; [ ! -f tests/fuzz/$$name.dict ] || dict=-dict=tests/fuzz/$$name.dict; \
	  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  "$$bin" -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) \
	    -print_final_stats=1 -artifact_prefix="$$artifacts"/ $$dict "$$corpus" > "$$log" 2>&1; \
	  rc=$$?; \
	  execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' "$$log"); \
	  rate=$$(sed -n 's/^stat::average_exec_per_sec: *//p' "$$log"); \
	  found=$$(ls "$$artifacts" | wc -l); \
	  echo "fuzz $$name: $${execs:-?} execs in $(FUZZ_SECONDS) s ($${rate:-?}/s), corpus $$seeds -> $$(ls "$$corpus" | wc -l), $$found artifacts, exit $$rc"; \
	  if [ "$$rc" -ne 0 ] || [ "$$found" -ne 0 ]; then \
	    grep -E 'ERROR|SUMMARY|invariant failed|runtime error|#[0-9]+ 0x' "$$log" | head -30; \
	    ls "$$artifacts"; status=1; fi; \
	done; exit $$status

# Every seed and regression case, once: no fuzzing, fails if any input fails.
fuzz-regress: fuzz-build
	@status=0; for name in $(FUZZ_RUN); do \
	  [ -d tests/fuzz/corpus/$$name ] || continue; \
	  log=$(BUILD)/fuzz/$$name.regress.log; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(BUILD)/fuzz/bin/fuzz_$$name -runs=0 -timeout=$(FUZZ_TIMEOUT) tests/fuzz/corpus/$$name > "$$log" 2>&1 \
	    && echo "fuzz-regress $$name: $$(ls tests/fuzz/corpus/$$name | wc -l) inputs pass" \
	    || { echo "fuzz-regress $$name: FAILED (see $$log)"; tail -30 "$$log"; status=1; }; \
	done; exit $$status
