# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz/fuzz.mk: builds the libFuzzer harnesses against the core library compiled anew with clang,
# -fsanitize=fuzzer,address,undefined, in fuzz-build/ of the build tree, and runs them.  GNU make;
# called by `make fuzz` (Makefile.am), which passes FUZZ_CC, top_srcdir, top_builddir, localedir,
# pkgdatadir, CORE_SOURCES, CORE_CFLAGS, FUZZ_LIBS, HARNESSES and FUZZ_SECONDS.
O = fuzz-build
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer $(SAN) -Wall -Wextra
FUZZ_CPPFLAGS = -DHAVE_CONFIG_H -I$(top_builddir) -I$(top_srcdir)/src/core \
	-DLOCALEDIR='"$(localedir)"' -DPKGDATADIR='"$(pkgdatadir)"' \
	-DABS_BUILDDIR='"$(top_builddir)"' -DABS_SRCDIR='"$(top_srcdir)"' -DFUZZ_SRCDIR='"$(top_srcdir)"' \
	$(CORE_CFLAGS)
CORE_OBJS = $(patsubst %.c,$(O)/obj/%.o,$(notdir $(filter %.c,$(CORE_SOURCES))))
BINS = $(patsubst %,$(O)/bin/fuzz_%,$(HARNESSES))
vpath %.c $(top_srcdir)/src/core $(top_srcdir)/fuzz

all: $(BINS)

$(O)/obj/%.o: %.c
	@mkdir -p $(O)/obj
	@echo "  FUZZCC   $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/libstyrkort-fuzz.a: $(CORE_OBJS)
	@rm -f $@
	@ar rcs $@ $^

$(O)/bin/fuzz_%: $(O)/obj/fuzz_%.o $(O)/obj/common.o $(O)/libstyrkort-fuzz.a
	@mkdir -p $(O)/bin
	@echo "  FUZZLD   $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(FUZZ_LIBS)

run: $(BINS)
	@O=$(O) FUZZ_SECONDS=$(FUZZ_SECONDS) $(SHELL) $(top_srcdir)/fuzz/run.sh $(top_srcdir) $(HARNESSES)

.PHONY: all run
.SECONDARY:
-include $(wildcard $(O)/obj/*.d)
