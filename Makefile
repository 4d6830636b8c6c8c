# Jixiao: build the extension, run its tests, run it on the example workbook.
#
#   make            build/jixiao.oxt
#   make check      every test suite; ends with "N passed, N failed"
#   make demo       build, install into a private profile, run on the example
#   make install    install the extension into your own LibreOffice
#
# `make check` and `make demo` first install missing Debian packages
# (tools/setup-debian.sh), so a fresh Debian 12 machine needs nothing else.

SDK      ?= /usr/lib/libreoffice/sdk
PROGRAM  ?= /usr/lib/libreoffice/program
CC       ?= gcc
CLANG    ?= clang
BUILD    := build
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

PKG_CFLAGS := $(shell pkg-config --cflags glib-2.0 libcjson 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs glib-2.0 libcjson 2>/dev/null)

WARNINGS := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-unused-parameter -Werror=implicit-function-declaration \
            -Werror=incompatible-pointer-types -Werror=int-conversion \
            -Werror=format -Werror=format-extra-args
CFLAGS   ?= -O2 -g
BASE_CFLAGS := -std=gnu11 $(WARNINGS) -fPIC -fvisibility=hidden -Iaddin $(PKG_CFLAGS)
UNO_CFLAGS  := -I$(SDK)/include -DUNX -DLINUX -DCPPU_ENV=gcc3
SAN_FLAGS   := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
               -fno-omit-frame-pointer

CORE_SRC  := $(sort $(wildcard addin/core/*.c))
# UNO-free parts of the add-in, unit-tested with the core
PURE_SRC  := $(CORE_SRC) addin/calc/cell_value.c addin/calc/functions.c \
             addin/ui/places.c addin/ui/form.c addin/ui/query.c
UNO_SRC   := $(sort $(wildcard addin/uno/*.c))
CALC_SRC  := $(sort $(wildcard addin/calc/*.c addin/ui/*.c addin/writer/*.c))
COMP_SRC  := $(sort $(wildcard addin/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))

PURE_OBJ  := $(PURE_SRC:%.c=$(BUILD)/obj/%.o)
ASAN_OBJ  := $(PURE_SRC:%.c=$(BUILD)/asan/%.o)
EXT_OBJ   := $(sort $(PURE_OBJ) $(UNO_SRC:%.c=$(BUILD)/obj/%.o) \
             $(CALC_SRC:%.c=$(BUILD)/obj/%.o) $(COMP_SRC:%.c=$(BUILD)/obj/%.o))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
ASAN_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests-asan/%)

.SECONDARY:

# Each object and test records the headers it includes (compiler dependency
# files, read at the end of this file), so an edit rebuilds what it affects
# and nothing else.
DEPFLAGS := -MMD -MP
.PHONY: all examples check check-library check-all demo-run check-generated check-unit check-asan check-integration demo install setup clean regen validate screenshots check-ui example-report batch bench check-review-ui screenshot-review check-review-generated
all: $(BUILD)/jixiao.oxt examples

# The example workbooks are kept as flat ODF (diff-friendly); the build
# makes the .ods and .xlsx that people open and send, in one office run per
# format (offices sharing a profile must not run side by side).
WORKBOOKS := standard-workbook yuanjiang-cast-2023 yuanjiang-cast-2023-corrected
EXAMPLES  := $(foreach w,$(WORKBOOKS),$(BUILD)/examples/$(w).ods $(BUILD)/examples/$(w).xlsx)
examples: $(EXAMPLES)

$(EXAMPLES) &: $(WORKBOOKS:%=examples/%.fods) tools/convert-examples.sh
	@tools/convert-examples.sh $(BUILD)/examples $(WORKBOOKS:%=examples/%.fods)

setup:
	@tools/setup-debian.sh

# --- domain core and unit tests -------------------------------------------

# The core must stay free of UNO: it is compiled without the SDK's headers.
$(BUILD)/obj/addin/core/%.o: addin/core/%.c Makefile
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/addin/%.o: addin/%.c Makefile
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) $(UNO_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/asan/addin/%.o: addin/%.c Makefile
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -O1 -g $(SAN_FLAGS) -c $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(PURE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) $(CFLAGS) -Itests/unit $< $(PURE_OBJ) $(PKG_LIBS) -lm -o $@

$(BUILD)/tests-asan/%: tests/unit/%.c $(ASAN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -O1 -g $(SAN_FLAGS) -Itests/unit $< $(ASAN_OBJ) $(PKG_LIBS) -lm -o $@

# Every suite runs even if an earlier one fails; the summary adds them up.
# Each check-NAME writes build/results/NAME.counts; a suite that writes none
# counts as failed.
SUITES := unit asan generated library integration generator report ui hostile review-ui review-generated
# (setup first, then a fresh make: its pkg-config flags need the packages)
check: setup
	@$(MAKE) --no-print-directory check-all

# (the suites need the extension and the example workbooks: build them first)
check-all:
	@rm -rf $(BUILD)/results; mkdir -p $(BUILD)/results
	@$(MAKE) --no-print-directory all || { echo "make check: the build failed (above); nothing was tested" >&2; exit 2; }
	@$(MAKE) --no-print-directory -k $(SUITES:%=check-%); tests/summary.sh $(SUITES)

check-unit: $(UNIT_BIN)
	@tests/run-unit.sh unit $(UNIT_BIN)

check-asan: $(ASAN_BIN)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tests/run-unit.sh asan $(ASAN_BIN)

# --- generated departments (tests/generator/, README "Tests") ----------------

GENERATOR_CORE := $(BUILD)/tests/check_core

$(GENERATOR_CORE): tests/generator/check_core.c $(PURE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $< $(PURE_OBJ) $(PKG_LIBS) -lm -o $@

# 300 departments and their planted faults through the core, 40 through the
# office (in make check); generate-long: 3000 and 150
check-generator: $(GENERATOR_CORE) $(BUILD)/jixiao.oxt
	@tests/generator/run.sh 300 40

generate-long: $(GENERATOR_CORE) $(BUILD)/jixiao.oxt
	@tests/generator/run.sh 3000 150

# --- the report on generated departments (tests/report/) ------------------

REPORT_CHECK := $(BUILD)/tests/check_report

$(REPORT_CHECK): tests/report/check_report.c tests/generator/grid.h $(PURE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -Itests/generator $< $(PURE_OBJ) $(PKG_LIBS) -lm -o $@

# the report's wording rules on 300 generated departments and their faults
.PHONY: check-report
check-report: $(REPORT_CHECK)
	@tests/report/run.sh 300

# --- generated from the function table -----------------------------------

# The review's core on .txt reports, without an office (tests/review/).
$(BUILD)/tests/review-cli: tests/review/review_cli.c $(PURE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $< $(PURE_OBJ) $(PKG_LIBS) -lm -o $@

$(BUILD)/tools/gen-docs: tools/gen_docs.c $(PURE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $< $(PURE_OBJ) $(PKG_LIBS) -lm -o $@

IDL := idl/org/jixiao/calc/XFunctions.idl

# Rewrites the IDL and the README's function reference from the table.
regen: $(BUILD)/tools/gen-docs
	$(BUILD)/tools/gen-docs idl > $(IDL)
	for part in functions findings; do \
	  $(BUILD)/tools/gen-docs $$part > $(BUILD)/$$part.md && \
	  tools/replace-section.sh README.md $$part $(BUILD)/$$part.md || exit 1; done

# The checked-in IDL and README reference must match the table.
check-generated: $(BUILD)/tools/gen-docs
	@tests/check-generated.sh $(BUILD)/tools/gen-docs $(IDL) README.md

check-library: $(BUILD)/libjixiao.so
	@tests/check-library.sh $(BUILD)/libjixiao.so

# --- the extension ---------------------------------------------------------

$(BUILD)/jixiao.rdb: $(IDL)
	@mkdir -p $(@D)
	$(SDK)/bin/unoidl-write $(PROGRAM)/types.rdb $(PROGRAM)/types/offapi.rdb $< $@

$(BUILD)/libjixiao.so: $(EXT_OBJ)
	$(CC) -shared -Wl,--no-undefined -Wl,-z,defs -Wl,-rpath,'$$ORIGIN' -o $@ $(EXT_OBJ) \
	  -L$(SDK)/lib -luno_cppu -luno_sal $(PKG_LIBS) -lm

OXT_FILES := $(shell find registration -type f -not -name '*.in')

# cJSON is not part of LibreOffice: its library travels inside the .oxt and
# is found through the rpath $ORIGIN.  The standard workbook travels inside
# too: the panel offers it for a spreadsheet that is not one.
$(BUILD)/jixiao.oxt: $(BUILD)/libjixiao.so $(BUILD)/jixiao.rdb $(OXT_FILES) registration/description.xml.in VERSION \
                     examples/standard-workbook.fods
	rm -rf $(BUILD)/oxt $@
	mkdir -p $(BUILD)/oxt/workbooks
	cp -r registration/. $(BUILD)/oxt/
	cp examples/standard-workbook.fods $(BUILD)/oxt/workbooks/
	rm -f $(BUILD)/oxt/*.in
	sed 's/@VERSION@/$(VERSION)/' registration/description.xml.in > $(BUILD)/oxt/description.xml
	cp $(BUILD)/libjixiao.so $(BUILD)/jixiao.rdb $(BUILD)/oxt/
	cp -L $$(pkg-config --variable=libdir libcjson)/libcjson.so.1 $(BUILD)/oxt/
	cd $(BUILD)/oxt && zip -qr -X ../jixiao.oxt .

check-integration: $(BUILD)/jixiao.oxt
	@tests/run-integration.sh

# The reference report as the bureau receives it, made from the .txt: the
# review must read the same paragraphs from each (tests/integration/test_review.py).
REVIEW_REPORT := $(BUILD)/review/yuanjiang-cast-2023-self-evaluation
REVIEW_DOCS   := $(REVIEW_REPORT).odt $(REVIEW_REPORT).docx $(REVIEW_REPORT).doc
check-integration: $(REVIEW_DOCS)

$(BUILD)/review/%.odt: tests/review/%.txt
	@mkdir -p $(@D)
	soffice --headless --norestore -env:UserInstallation=file://$(abspath $(BUILD))/convert-profile \
	  '--infilter=Text (encoded):UTF8,LF,,,' --convert-to odt --outdir $(@D) $< >/dev/null 2>&1
	@test -s $@

$(BUILD)/review/%.docx: $(BUILD)/review/%.odt
	soffice --headless --norestore -env:UserInstallation=file://$(abspath $(BUILD))/convert-profile \
	  --convert-to docx:"MS Word 2007 XML" --outdir $(@D) $< >/dev/null 2>&1
	@test -s $@

$(BUILD)/review/%.doc: $(BUILD)/review/%.odt
	soffice --headless --norestore -env:UserInstallation=file://$(abspath $(BUILD))/convert-profile \
	  --convert-to doc:"MS Word 97" --outdir $(@D) $< >/dev/null 2>&1
	@test -s $@

# The sidebar, menu and toolbar driven as a person does, in the real office
# under Xvfb (tests/ui/); it leaves a screenshot of each state in
# build/screenshots/.  `make screenshots` keeps them in examples/screenshots/
# (shown in the README).
check-ui: $(BUILD)/jixiao.oxt
	@tests/run-ui.sh

screenshots: $(BUILD)/jixiao.oxt
	tests/run-ui.sh
	cp $(BUILD)/screenshots/*.png examples/screenshots/

# Made-up reports, consistent and with one planted fault each, through the
# review's core (tests/review/generate_reports.py); then Jixiao's own reports
# of the generator's departments (tests/generator/), reviewed.
REVIEW_GENERATOR := $(BUILD)/tests/check_generator_reports

$(REVIEW_GENERATOR): tests/review/check_generator_reports.c tests/generator/grid.h $(PURE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -Itests/generator $< $(PURE_OBJ) $(PKG_LIBS) -lm -o $@

check-review-generated: $(BUILD)/tests/review-cli $(REVIEW_GENERATOR)
	@tests/review/run-generated.sh

# The review panel of Writer driven with the mouse under Xvfb (display :95),
# and its screenshot; make screenshot-review copies it for the README.
check-review-ui: $(BUILD)/jixiao.oxt $(REVIEW_REPORT).odt
	@tests/review/run-ui.sh

screenshot-review: check-review-ui
	cp $(BUILD)/screenshots/review.png examples/screenshots/review.png

# Benchmarks (tools/bench/): about 3–5 minutes; rewrites the README's bench
# section.  make bench BENCH="--runs 15 --perf always"
bench: $(BUILD)/jixiao.oxt
	tools/bench/run.sh $(BENCH)

# --- running it -------------------------------------------------------------

demo: setup
	@$(MAKE) --no-print-directory demo-run

# The main job: the example workbook's findings, then its report.  The
# command line's exit status 1 means "findings": the example has them.
JIXIAO := tools/jixiao --profile $(BUILD)/run-profile
demo-run: all
	@mkdir -p $(BUILD)/demo
	@echo "== Jixiao's functions in Calc (examples/functions.fods)"
	@tools/office-profile.sh $(BUILD)/demo-profile $(BUILD)/jixiao.oxt
	@/usr/bin/python3 tools/demo.py $(BUILD)/demo-profile examples/functions.fods
	@echo "== Validating examples/yuanjiang-cast-2023.fods"
	@$(JIXIAO) validate examples/yuanjiang-cast-2023.fods --out $(BUILD)/demo/yuanjiang-cast-2023.findings.json; \
	  test $$? -le 1 || { echo "make demo: validation could not run (above)" >&2; exit 2; }
	@echo "== Writing its report into $(BUILD)/demo/"
	@$(JIXIAO) report examples/yuanjiang-cast-2023.fods --out $(BUILD)/demo --formats odt,docx,pdf >/dev/null; \
	  test $$? -le 1 || { echo "make demo: the report could not be written (above)" >&2; exit 2; }
	@ls -l $(BUILD)/demo/yuanjiang-cast-2023.*

# The generated report kept in examples/ (.odt and .pdf of the example).
example-report: all
	$(JIXIAO) report examples/yuanjiang-cast-2023.fods --out $(BUILD)/example-report --formats odt,pdf >/dev/null; \
	  test $$? -le 1
	cp $(BUILD)/example-report/yuanjiang-cast-2023.odt examples/yuanjiang-cast-2023-report.odt
	cp $(BUILD)/example-report/yuanjiang-cast-2023.pdf examples/yuanjiang-cast-2023-report.pdf

# make batch IN=folder [OUT=folder] [JOBS=n]: a report per workbook and a summary.ods
batch: all
	@test -n "$(IN)" || { echo "usage: make batch IN=folder [OUT=folder] [JOBS=n]" >&2; exit 2; }
	@$(JIXIAO) batch "$(IN)" --out "$(or $(OUT),$(BUILD)/batch)" $(if $(JOBS),--jobs $(JOBS))

# make validate FILE=book.ods [SCHEMA=schema.json]
validate: all
	@test -n "$(FILE)" || { echo "usage: make validate FILE=book.ods [SCHEMA=schema.json]" >&2; exit 2; }
	@$(JIXIAO) validate "$(FILE)" --out $(BUILD)/findings.json $(if $(SCHEMA),--schema "$(SCHEMA)")

# unopkg refuses to run as root: root's own profile gets it through the
# office's deployment API instead (close LibreOffice first)
# The command line `jixiao` is linked into PREFIX/bin (/usr/local for
# root, ~/.local otherwise); it runs this tree's build/jixiao.oxt.
install: $(BUILD)/jixiao.oxt
	@if [ "$$(id -u)" -eq 0 ]; then \
	  /usr/bin/python3 tools/install_extension.py "$$HOME/.config/libreoffice/4" $(BUILD)/jixiao.oxt; \
	else unopkg add --force --suppress-license $(BUILD)/jixiao.oxt; fi
	@prefix=$(or $(PREFIX),$$( [ "$$(id -u)" -eq 0 ] && echo /usr/local || echo $$HOME/.local)); \
	  mkdir -p $$prefix/bin && ln -sf $(CURDIR)/tools/jixiao $$prefix/bin/jixiao && \
	  echo "installed: the extension into your LibreOffice, the command line as $$prefix/bin/jixiao"

clean:
	rm -rf $(BUILD)

# --- reliability: fuzzers, hostile workbooks, memcheck (README, "Reliability") ---

include tests/fuzz/fuzz.mk
.PHONY: check-hostile hostile valgrind reliability check-generator generate-long

# 100 malformed workbooks through Validate, Compute and Report (in make check)
check-hostile: $(BUILD)/jixiao.oxt
	@tests/hostile/run.sh 100

hostile: $(BUILD)/jixiao.oxt
	tests/hostile/run.sh 1000

# the long runs: 1,000 hostile workbooks and every fuzzer
reliability: $(BUILD)/jixiao.oxt
	@status=0; tests/hostile/run.sh 1000 || status=1; \
	  $(MAKE) --no-print-directory fuzz || status=1; exit $$status

# the extension inside the office under valgrind memcheck (slow)
valgrind: $(BUILD)/jixiao.oxt
	tests/valgrind/run.sh

# the headers each object includes, as the compiler recorded them
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
